import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Generated, Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CachedStatements, GroupCommitSqliteDialect } from './sqlite-dialect.js';

interface Scratch {
  notes: { id: Generated<number>; body: string };
}

describe('SQLite connection with cached prepared statements', () => {
  let sqlite: SqliteDatabase.Database;
  let db: Kysely<Scratch>;
  beforeEach(async () => {
    sqlite = new SqliteDatabase(':memory:');
    db = new Kysely<Scratch>({ dialect: new GroupCommitSqliteDialect({ database: sqlite }) });
    await sql`create table notes (id integer primary key autoincrement, body text not null unique)`.execute(
      db,
    );
  });
  afterEach(() => db.destroy());

  it('prepares each SQL text once and runs it again with new parameters', async () => {
    const prepare = vi.spyOn(sqlite, 'prepare');
    for (const body of ['a', 'b', 'c']) await db.insertInto('notes').values({ body }).execute();
    for (const body of ['a', 'b', 'c'])
      expect(await db.selectFrom('notes').select('body').where('body', '=', body).executeTakeFirst()).toEqual(
        {
          body,
        },
      );
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('answers writes with the affected rows and the inserted id, as Kysely does', async () => {
    for (const body of ['a', 'b']) {
      const inserted = await db.insertInto('notes').values({ body }).executeTakeFirstOrThrow();
      expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
      expect(inserted.insertId).toBe(body === 'a' ? 1n : 2n);
    }
    for (let i = 0; i < 2; i++) {
      const updated = await db.updateTable('notes').set({ body: sql`body || 'x'` }).executeTakeFirstOrThrow();
      expect(updated.numUpdatedRows).toBe(2n);
    }
    const deleted = await db.deleteFrom('notes').where('body', '=', 'axx').executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(1n);
    const again = await db.deleteFrom('notes').where('body', '=', 'axx').executeTakeFirstOrThrow();
    expect(again.numDeletedRows).toBe(0n);
  });

  it('returns rows from statements that read, including writes with RETURNING', async () => {
    for (const body of ['a', 'b']) {
      const row = await db.insertInto('notes').values({ body }).returning(['id', 'body']).executeTakeFirst();
      expect(row?.body).toBe(body);
    }
    expect(await db.selectFrom('notes').select('body').orderBy('id').execute()).toEqual([
      { body: 'a' },
      { body: 'b' },
    ]);
  });

  it('keeps a statement usable after it failed on a constraint', async () => {
    await db.insertInto('notes').values({ body: 'a' }).execute();
    await expect(db.insertInto('notes').values({ body: 'a' }).execute()).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    await db.insertInto('notes').values({ body: 'b' }).execute();
    expect(await db.selectFrom('notes').select('body').orderBy('id').execute()).toHaveLength(2);
  });

  it('sees a column added after the statement was cached', async () => {
    await db.insertInto('notes').values({ body: 'a' }).execute();
    const all = () => db.selectFrom('notes').selectAll().execute();
    expect(await all()).toEqual([{ id: 1, body: 'a' }]);
    await sql`alter table notes add column tag text not null default 't'`.execute(db);
    expect(await all()).toEqual([{ id: 1, body: 'a', tag: 't' }]);
  });

  it('rolls back a failed transaction and commits the next one', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ body: 'lost' }).execute();
        await trx.insertInto('notes').values({ body: 'lost' }).execute();
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'kept' }).execute());
    expect(await db.selectFrom('notes').select('body').execute()).toEqual([{ body: 'kept' }]);
  });

  it('streams rows', async () => {
    for (const body of ['a', 'b', 'c']) await db.insertInto('notes').values({ body }).execute();
    for (let round = 0; round < 2; round++) {
      const seen: string[] = [];
      for await (const row of db.selectFrom('notes').select('body').orderBy('id').stream()) {
        seen.push(row.body);
        if (round === 0 && seen.length === 2) break; // a stream left early frees its statement
      }
      expect(seen).toEqual(round === 0 ? ['a', 'b'] : ['a', 'b', 'c']);
    }
  });
});

describe('CachedStatements', () => {
  let sqlite: SqliteDatabase.Database;
  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
  });
  afterEach(() => sqlite.close());

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new CachedStatements(sqlite, 3);
    const prepare = vi.spyOn(sqlite, 'prepare');
    for (const n of [1, 2, 3]) cache.prepare(`select ${n}`);
    cache.prepare('select 1'); // used again: now the most recent
    cache.prepare('select 4'); // drops 'select 2'
    expect(cache.size).toBe(3);
    expect(prepare).toHaveBeenCalledTimes(4);
    cache.prepare('select 1');
    cache.prepare('select 3');
    expect(prepare).toHaveBeenCalledTimes(4);
    cache.prepare('select 2');
    expect(prepare).toHaveBeenCalledTimes(5);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const cache = new CachedStatements(sqlite);
    const text = 'select value from json_each(?)';
    const outer = cache.prepare(text).iterate(['[1,2]']);
    expect(outer.next().value).toEqual({ value: 1 });
    expect(cache.prepare(text).all(['[3]'])).toEqual([{ value: 3 }]);
    expect(outer.next().value).toEqual({ value: 2 });
    outer.return?.();
    expect(cache.prepare(text).all(['[4]'])).toEqual([{ value: 4 }]);
  });
});

describe('group commit on the SQLite connection', () => {
  let dir: string;
  let sqlite: SqliteDatabase.Database;
  let db: Kysely<Scratch>;
  let dialect: GroupCommitSqliteDialect;
  /** A second connection to the same file: it sees only what was committed. */
  let other: SqliteDatabase.Database;
  const committedBodies = () =>
    (other.prepare('select body from notes order by body').pluck().all() as string[]).sort();

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-group-'));
    const file = path.join(dir, 'scratch.db');
    sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('temp_store = MEMORY');
    dialect = new GroupCommitSqliteDialect({ database: sqlite });
    db = new Kysely<Scratch>({ dialect });
    await sql`create table notes (id integer primary key autoincrement, body text not null unique)`.execute(
      db,
    );
    other = new SqliteDatabase(file);
    other.pragma('busy_timeout = 0');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    other.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const commits = () => {
    const prepare = vi.spyOn(CachedStatements.prototype, 'prepare');
    return () => prepare.mock.calls.filter(([text]) => text === 'commit').length;
  };

  it('commits concurrent transactions together, each only once it is committed', async () => {
    const count = commits();
    const bodies = Array.from({ length: 20 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const seenWhenDone = await Promise.all(
      bodies.map(async (body) => {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ body }).execute();
          await trx.selectFrom('notes').select('id').where('body', '=', body).executeTakeFirstOrThrow();
        });
        // Returned: another connection sees it.
        return committedBodies().includes(body);
      }),
    );
    expect(seenWhenDone).toEqual(bodies.map(() => true));
    expect(committedBodies()).toEqual(bodies);
    expect(count()).toBeLessThan(bodies.length / 4);
  });

  it('rolls back a failing transaction alone; the others of its group are kept', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((body) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ body }).execute();
          if (body === 'b') throw new Error('b changed its mind');
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedBodies()).toEqual(['a', 'c']);
  });

  it('commits a write outside a transaction before it returns, even amid a group', async () => {
    const [, written] = await Promise.all([
      db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'in a group' }).execute()),
      db
        .insertInto('notes')
        .values({ body: 'alone' })
        .execute()
        .then(() => committedBodies()),
    ]);
    expect(written).toContain('alone');
    expect(committedBodies()).toEqual(['alone', 'in a group']);
  });

  it('leaves no transaction open once idle: another process can write at once', async () => {
    await Promise.all(
      ['x', 'y'].map((body) =>
        db.transaction().execute((trx) => trx.insertInto('notes').values({ body }).execute()),
      ),
    );
    await db.selectFrom('notes').selectAll().execute();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sqlite.inTransaction).toBe(false);
    other.exec("begin immediate; insert into notes (body) values ('from elsewhere'); commit");
    expect(committedBodies()).toEqual(['from elsewhere', 'x', 'y']);
  });

  it('fails every member when the COMMIT of their group fails, and stores nothing of it', async () => {
    // A deferred foreign key is checked at COMMIT: one member's orphan row fails the whole group.
    await sql`create table parents (id integer primary key)`.execute(db);
    await sql`create table children (id integer primary key, parent_id integer references parents (id) deferrable initially deferred)`.execute(
      db,
    );
    const outcomes = await Promise.allSettled([
      db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'fine' }).execute()),
      db.transaction().execute((trx) => sql`insert into children (parent_id) values (42)`.execute(trx)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(committedBodies()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
    // The connection goes on as before.
    await db.transaction().execute((trx) => trx.insertInto('notes').values({ body: 'after' }).execute());
    expect(committedBodies()).toEqual(['after']);
  });

  it('lets a transaction of another connection of the process write while its own writers wait', async () => {
    let elsewhere: Promise<string[]> | undefined;
    let meanwhile: Promise<unknown> | undefined;
    let waited = false;
    // A member asks for the other connection's turn just as it finishes: its group commits first.
    const grouped = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ body: 'before' }).execute();
      queueMicrotask(() => {
        elsewhere = dialect.writeElsewhere(async () => {
          // Nothing is open on the first connection: the other takes the write lock at once.
          other.exec("begin immediate; insert into notes (body) values ('elsewhere')");
          // Two writers come meanwhile: both wait, then go in one group.
          meanwhile = Promise.all(
            ['after', 'after too'].map((body) =>
              db.transaction().execute((t) => t.insertInto('notes').values({ body }).execute()),
            ),
          );
          // Reads go on, and the event loop turns: the waiting writer does not block it.
          expect(await db.selectFrom('notes').select('body').execute()).toEqual([{ body: 'before' }]);
          await new Promise((resolve) => setTimeout(resolve, 20));
          waited = true;
          other.exec('commit');
          return committedBodies();
        });
      });
    });
    await grouped;
    expect(await elsewhere).toEqual(['before', 'elsewhere']);
    expect(waited).toBe(true);
    // The writer that waited went on once the other transaction was done.
    await meanwhile;
    expect(committedBodies()).toEqual(['after', 'after too', 'before', 'elsewhere']);
  });
});
