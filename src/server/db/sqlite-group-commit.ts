import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/** Transactions committed together at the most: bounds how long the first of them waits. */
export const MAX_GROUP = 64;

const SAVEPOINT = 'lianxin_group_member';

/**
 * One use of the single SQLite connection: Kysely hands it back to `releaseConnection`, which is
 * how the driver tells which use ends. A transaction that has committed its part gives the
 * connection up early (`released`) while it waits for the group's COMMIT.
 */
class Lease implements DatabaseConnection {
  released = false;
  inTransaction = false;
  /** A write outside any transaction: the use must not end before it is committed. */
  wroteOutside = false;

  constructor(
    private readonly connection: DatabaseConnection,
    /** Waits while another connection of this process writes (see writeElsewhere). */
    private readonly writersWait: () => Promise<void>,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.inTransaction && !SelectQueryNode.is(query.query)) {
      await this.writersWait();
      this.wroteOutside = true;
    }
    return this.connection.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.connection.streamQuery<R>(query, chunkSize);
  }
}

interface Waiting {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the one SQLite connection of the server. Each transaction runs as before,
 * alone on the connection and all-or-nothing, but as a savepoint inside one open transaction of
 * the database: when its part is done it releases the savepoint, hands the connection on and
 * waits. The COMMIT comes once the connection is free after the current turn of the event loop
 * (so that requests already under way can join the group), or at once when `MAX_GROUP`
 * transactions wait; then every member returns. A COMMIT writes every page its transaction
 * changed to the log: one COMMIT for many transactions writes each page once, not once per
 * transaction, which under load is most of the cost of a small transaction. No caller returns
 * before its work is committed; a transaction that fails rolls back to its savepoint and the
 * others keep theirs; if the COMMIT itself fails (a disk error, a deferred constraint), every
 * member fails and nothing of the group is stored.
 *
 * Reads that come between the members of a group see their work before it is committed. A write
 * outside a transaction commits the group before it returns. BEGIN IMMEDIATE takes the write
 * lock at the start, so another process writing meanwhile waits its turn (busy_timeout); the
 * savepoints' undo pages stay in memory with `temp_store = MEMORY` (see database.ts).
 */
export class GroupCommitSqliteDriver implements Driver {
  /** Kysely's own driver opens the connection; this one decides who uses it and when to commit. */
  readonly #inner: SqliteDriver;
  #connection: DatabaseConnection | undefined;
  #held = false;
  readonly #queue: (() => void)[] = [];
  /** Whether a transaction of the database is open (BEGIN IMMEDIATE ran, COMMIT did not yet). */
  #open = false;
  #commitScheduled = false;
  #destroyed = false;
  /** Settles when the transaction of another connection of this process ends (writeElsewhere). */
  #elsewhere: Promise<void> | undefined;
  /** Members whose part is done and who wait for the COMMIT. */
  #committed: Waiting[] = [];

  constructor(
    config: SqliteDialectConfig,
    /** Whether SQLite has a transaction open: after some errors it has rolled back on its own. */
    private readonly inTransaction: () => boolean,
  ) {
    this.#inner = new SqliteDriver(config);
  }

  /** For /metrics: whether the connection is in use, who waits for it, who waits for a COMMIT. */
  get stats(): { inUse: boolean; waiting: number; awaitingCommit: number } {
    return { inUse: this.#held, waiting: this.#queue.length, awaitingCommit: this.#committed.length };
  }

  async init(): Promise<void> {
    await this.#inner.init();
    // The inner driver's lock is taken once and kept: this driver's leases take its place.
    this.#connection = await this.#inner.acquireConnection();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock();
    return new Lease(this.#connection!, () => this.#awaitElsewhere());
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // Waiting lets the connection go: another transaction may have opened a group meanwhile.
    await this.#awaitElsewhere();
    if (!this.#open) {
      await this.#connection!.executeQuery(CompiledQuery.raw('begin immediate'));
      this.#open = true;
    }
    await this.#connection!.executeQuery(CompiledQuery.raw(`savepoint ${SAVEPOINT}`));
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    await this.#connection!.executeQuery(CompiledQuery.raw(`release ${SAVEPOINT}`));
    lease.inTransaction = false;
    if (this.#committed.length + 1 >= MAX_GROUP) {
      await this.#commitGroup();
      return;
    }
    const committed = new Promise<void>((resolve, reject) => this.#committed.push({ resolve, reject }));
    lease.released = true;
    this.#unlock();
    await committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.inTransaction = false;
    if (!this.#open) return; // the group's COMMIT failed: nothing is left to roll back
    if (!this.inTransaction()) {
      // SQLite rolled the whole transaction back itself (an I/O error, a full disk): the members
      // waiting for its COMMIT lost their work too.
      this.#abandonGroup(new Error('The database rolled back the transaction after an error'));
      return;
    }
    // Only this member's work goes; the group's transaction stays for the others.
    await this.#connection!.executeQuery(CompiledQuery.raw(`rollback to ${SAVEPOINT}`));
    await this.#connection!.executeQuery(CompiledQuery.raw(`release ${SAVEPOINT}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return;
    lease.released = true;
    try {
      // Its caller takes a write outside a transaction as done: it must be committed now.
      if (lease.wroteOutside && this.#open) await this.#commitGroup();
    } finally {
      this.#unlock();
    }
  }

  /**
   * Runs `work`, a transaction on another connection of this process (a long import), while this
   * connection begins none of its own: what waits for a COMMIT gets it first, and transactions
   * and writes that come meanwhile wait, without blocking the event loop, until `work` is done.
   * (Left to SQLite's busy handler, a writer here would block the event loop the other
   * transaction needs, until the busy timeout; and the other could not begin while a group stays
   * open across turns of the event loop.) Reads go on. Two such works run one after the other.
   */
  async writeElsewhere<T>(work: () => Promise<T>): Promise<T> {
    while (this.#elsewhere) await this.#elsewhere;
    let done = () => {};
    this.#elsewhere = new Promise<void>((resolve) => {
      done = resolve;
    });
    try {
      await this.#lock();
      try {
        if (this.#open) await this.#commitGroup();
      } catch {
        // The members were told (see #commitGroup); nothing is open any more.
      } finally {
        this.#unlock();
      }
      return await work();
    } finally {
      this.#elsewhere = undefined;
      done();
    }
  }

  /** With the connection held: waits, letting it go meanwhile, while another connection writes. */
  async #awaitElsewhere(): Promise<void> {
    while (this.#elsewhere) {
      const elsewhere = this.#elsewhere;
      this.#unlock();
      await elsewhere;
      await this.#lock();
    }
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    // Whatever is waiting for a COMMIT gets it before the connection closes.
    if (this.#open) {
      await this.#lock();
      try {
        if (this.#open) await this.#commitGroup();
      } finally {
        this.#unlock();
      }
    }
    await this.#inner.destroy();
  }

  /** Tells the members waiting for a COMMIT that their work is gone. */
  #abandonGroup(error: Error): void {
    const members = this.#committed;
    this.#committed = [];
    this.#open = false;
    for (const member of members) member.reject(error);
  }

  /** Commits the open transaction (the caller holds the connection) and answers its members. */
  async #commitGroup(): Promise<void> {
    if (!this.inTransaction()) {
      const error = new Error('The database rolled back the transaction after an error');
      this.#abandonGroup(error);
      throw error;
    }
    const members = this.#committed;
    this.#committed = [];
    try {
      await this.#connection!.executeQuery(CompiledQuery.raw('commit'));
    } catch (error) {
      // Nothing of the group is stored: every member fails, as its own COMMIT would have.
      try {
        await this.#connection!.executeQuery(CompiledQuery.raw('rollback'));
      } catch {
        // SQLite already rolled back.
      }
      for (const member of members) member.reject(error);
      throw error;
    } finally {
      this.#open = false;
    }
    for (const member of members) member.resolve();
  }

  #lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  /** Hands the connection to the next in line; when nobody is, commits what waits for it. */
  #unlock(): void {
    const next = this.#queue.shift();
    if (next) {
      next();
      return;
    }
    this.#held = false;
    // Not at once: requests already under way in this turn of the event loop may still join.
    if (this.#open && !this.#commitScheduled) {
      this.#commitScheduled = true;
      setImmediate(() => {
        this.#commitScheduled = false;
        void this.#commitWhenIdle();
      });
    }
  }

  async #commitWhenIdle(): Promise<void> {
    if (this.#destroyed) return; // destroy() committed
    await this.#lock();
    try {
      if (this.#open) await this.#commitGroup();
    } catch {
      // The members were told (see #commitGroup).
    } finally {
      this.#unlock();
    }
  }
}
