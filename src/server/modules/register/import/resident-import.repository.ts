import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Transaction } from 'kysely';
import type { Scope } from '../../../auth/scope.js';
import { BulkInserter } from '../../../db/bulk-insert.js';
import type {
  DB,
  HouseholdTable,
  PersonTable,
  PersonTagTable,
  Region,
  ResidenceMoveTable,
} from '../../../db/tables.js';
import { bumpRegionStats } from '../../stats/index.js';
import { RowNumbers } from './row-numbers.js';

export interface ExistingPerson {
  id: string;
  id_number_bidx: string;
  row_hash: string;
  region_code: string;
  household_id: string | null;
}

export interface KnownHousehold {
  id: string;
  region_code: string;
  unit: string;
  room: string;
  address: string;
}

/** Rows per look-up on PostgreSQL: well under its limit on bound parameters. */
const BATCH = 400;

/**
 * All reads and writes of a resident import, chunk by chunk, inside the import's transaction.
 * On SQLite the per-chunk reads and writes run as cached prepared statements on the import's own
 * connection: Kysely's SQLite driver prepares every statement anew, which costs more than running
 * it (building a 400-row INSERT, or an IN list of 500 ID numbers, for every chunk).
 */
export class ResidentImportStore {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  private readonly inserter: BulkInserter;
  private suspended: { name: string; sql: string }[] = [];

  constructor(
    private readonly trx: Transaction<DB>,
    private readonly sqlite: SqliteDatabase.Database | undefined,
  ) {
    this.inserter = new BulkInserter(trx, sqlite);
  }

  /** A prepared statement on the import's SQLite connection, prepared once per import. */
  private statement(sqlite: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private insertRows<T extends keyof DB>(table: T, rows: Insertable<DB[T]>[]): Promise<void> {
    return this.inserter.insert(table, rows);
  }

  /**
   * On SQLite, drops the plain (non-unique) indexes of persons until `restoreIndexes`, if the
   * import is expected to add at least as many persons as the register holds: filling them row
   * by row in random order then costs more than building them once, sorted, at the end. Unique
   * indexes stay, so SQLite itself still refuses a duplicate ID number. Both happen in the
   * import's transaction (SQLite DDL is transactional): a rollback or a crash keeps the indexes.
   * Returns whether it dropped any; on PostgreSQL it does nothing.
   */
  suspendIndexes(expectedRows: number): boolean {
    if (!this.sqlite || this.suspended.length > 0) return false;
    const { count } = this.sqlite.prepare('select count(*) as count from persons').get() as { count: number };
    if (expectedRows < count) return false;
    const indexes = this.sqlite
      .prepare(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = 'persons' and sql is not null",
      )
      .all() as { name: string; sql: string }[];
    this.suspended = indexes.filter((index) => !/^create\s+unique\b/i.test(index.sql));
    for (const index of this.suspended) this.sqlite.exec(`drop index "${index.name.replaceAll('"', '""')}"`);
    // Statements prepared so far may have been planned with the dropped indexes.
    this.statements.clear();
    return this.suspended.length > 0;
  }

  restoreIndexes(): void {
    if (!this.sqlite) return;
    for (const index of this.suspended) this.sqlite.exec(index.sql);
    this.suspended = [];
    this.statements.clear();
  }

  /**
   * The keys of every stored person (64 bits of the ID-number blind index) and household (a hash
   * of its address key), for an import to skip the look-ups of rows that are certainly new.
   * Undefined when the register holds more than `limit` persons: reading them would cost more.
   */
  async storedKeys(limit: number): Promise<{ persons: RowNumbers; households: RowNumbers } | undefined> {
    const count = async (table: 'persons' | 'households') =>
      Number(
        (
          await this.trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    const personCount = await count('persons');
    if (personCount > limit) return undefined;
    const persons = new RowNumbers(personCount);
    const households = new RowNumbers(await count('households'));
    if (this.sqlite) {
      const bidxs = this.sqlite.prepare('select id_number_bidx from persons').pluck();
      for (const bidx of bidxs.iterate() as IterableIterator<string>) persons.setHex(bidx, 1);
      const places = this.sqlite.prepare('select region_code, unit, room, address from households').raw();
      for (const [region, unit, room, address] of places.iterate() as IterableIterator<string[]>)
        households.setText(`${region}|${unit}|${room}|${address}`, 1);
    } else {
      for (const p of await this.trx.selectFrom('persons').select('id_number_bidx').execute())
        persons.setHex(p.id_number_bidx, 1);
      for (const h of await this.trx
        .selectFrom('households')
        .select(['region_code', 'unit', 'room', 'address'])
        .execute())
        households.setText(`${h.region_code}|${h.unit}|${h.room}|${h.address}`, 1);
    }
    return { persons, households };
  }

  gridsInScope(scope: Scope): Promise<Region[]> {
    return this.trx
      .selectFrom('regions')
      .selectAll()
      .where('kind', '=', 'grid')
      .where(scope.covers('regions.code'))
      .execute();
  }

  buildingsOf(gridCode: string): Promise<Region[]> {
    return this.trx
      .selectFrom('regions')
      .selectAll()
      .where('parent_code', '=', gridCode)
      .where('kind', '=', 'building')
      .execute();
  }

  async tags(): Promise<Map<string, string>> {
    const rows = await this.trx.selectFrom('tags').select(['code', 'name']).execute();
    return new Map(rows.map((r) => [r.name, r.code]));
  }

  async existingPersons(bidxs: readonly string[]): Promise<Map<string, ExistingPerson>> {
    if (bidxs.length === 0) return new Map();
    if (this.sqlite) {
      // One indexed look-up per ID number: no statement to build and prepare for each chunk.
      const lookup = this.statement(
        this.sqlite,
        'select id, id_number_bidx, row_hash, region_code, household_id from persons where id_number_bidx = ?',
      );
      const found = new Map<string, ExistingPerson>();
      for (const bidx of bidxs) {
        const row = lookup.get(bidx) as ExistingPerson | undefined;
        if (row) found.set(bidx, row);
      }
      return found;
    }
    const rows = await this.trx
      .selectFrom('persons')
      .select(['id', 'id_number_bidx', 'row_hash', 'region_code', 'household_id'])
      .where('id_number_bidx', 'in', bidxs)
      .execute();
    return new Map(rows.map((r) => [r.id_number_bidx, r]));
  }

  /** The stored households at these places (building or grid + unit + room + address). */
  async households(
    places: readonly { placeCode: string; unit: string; room: string; address: string }[],
  ): Promise<KnownHousehold[]> {
    if (places.length === 0) return [];
    if (this.sqlite) {
      const lookup = this.statement(
        this.sqlite,
        'select id, region_code, unit, room, address from households where region_code = ? and unit = ? and room = ? and address = ?',
      );
      const found: KnownHousehold[] = [];
      for (const p of places) {
        const row = lookup.get(p.placeCode, p.unit, p.room, p.address) as KnownHousehold | undefined;
        if (row) found.push(row);
      }
      return found;
    }
    const found: KnownHousehold[] = [];
    for (let i = 0; i < places.length; i += BATCH) {
      found.push(
        ...(await this.trx
          .selectFrom('households')
          .select(['id', 'region_code', 'unit', 'room', 'address'])
          .where((eb) =>
            eb(
              eb.refTuple('region_code', 'unit', 'room', 'address'),
              'in',
              places.slice(i, i + BATCH).map((p) => eb.tuple(p.placeCode, p.unit, p.room, p.address)),
            ),
          )
          .execute()),
      );
    }
    return found;
  }

  insertHouseholds(rows: Insertable<HouseholdTable>[]): Promise<void> {
    return this.insertRows('households', rows);
  }

  insertPersons(rows: Insertable<PersonTable>[]): Promise<void> {
    return this.insertRows('persons', rows);
  }

  insertTags(rows: Insertable<PersonTagTable>[]): Promise<void> {
    return this.insertRows('person_tags', rows);
  }

  insertMoves(rows: Insertable<ResidenceMoveTable>[]): Promise<void> {
    return this.insertRows('residence_moves', rows);
  }

  async updatePerson(id: string, changes: Partial<Insertable<PersonTable>>): Promise<void> {
    if (this.sqlite) {
      const columns = Object.keys(changes) as (keyof PersonTable)[];
      const update = this.statement(
        this.sqlite,
        `update persons set ${columns.map((c) => `${c} = ?`).join(', ')} where id = ?`,
      );
      update.run([...columns.map((c) => changes[c]), id]);
      return;
    }
    await this.trx.updateTable('persons').set(changes).where('id', '=', id).execute();
  }

  async deleteTags(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    if (this.sqlite) {
      const remove = this.statement(this.sqlite, 'delete from person_tags where person_id = ?');
      for (const id of personIds) remove.run(id);
      return;
    }
    await this.trx.deleteFrom('person_tags').where('person_id', 'in', personIds).execute();
  }

  /** Keeps the coverage counters of the place and its ancestors in step with new households. */
  countHouseholds(placeCode: string, count: number): Promise<void> {
    return bumpRegionStats(this.trx, placeCode, { households: count });
  }

  async setHead(householdId: string, personId: string, at: string): Promise<void> {
    if (this.sqlite) {
      this.statement(
        this.sqlite,
        'update households set head_person_id = ?, updated_at = ? where id = ?',
      ).run(personId, at, householdId);
      return;
    }
    await this.trx
      .updateTable('households')
      .set({ head_person_id: personId, updated_at: at })
      .where('id', '=', householdId)
      .execute();
  }
}
