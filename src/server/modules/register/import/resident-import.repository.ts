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
import { bumpRegionStats } from '../../stats/region-stats.js';

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

/**
 * All reads and writes of a resident import, chunk by chunk, inside the import's transaction
 * (bulk inserts through `BulkInserter`: cached prepared statements on SQLite).
 */
export class ResidentImportStore {
  private readonly inserter: BulkInserter;

  constructor(
    private readonly trx: Transaction<DB>,
    sqlite: SqliteDatabase.Database | undefined,
  ) {
    this.inserter = new BulkInserter(trx, sqlite);
  }

  private insertRows<T extends keyof DB>(table: T, rows: Insertable<DB[T]>[]): Promise<void> {
    return this.inserter.insert(table, rows);
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
    const rows = await this.trx
      .selectFrom('persons')
      .select(['id', 'id_number_bidx', 'row_hash', 'region_code', 'household_id'])
      .where('id_number_bidx', 'in', bidxs)
      .execute();
    return new Map(rows.map((r) => [r.id_number_bidx, r]));
  }

  householdsAt(placeCodes: readonly string[]): Promise<KnownHousehold[]> {
    if (placeCodes.length === 0) return Promise.resolve([]);
    return this.trx
      .selectFrom('households')
      .select(['id', 'region_code', 'unit', 'room', 'address'])
      .where('region_code', 'in', placeCodes)
      .execute();
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
    await this.trx.updateTable('persons').set(changes).where('id', '=', id).execute();
  }

  async deleteTags(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    await this.trx.deleteFrom('person_tags').where('person_id', 'in', personIds).execute();
  }

  /** Keeps the coverage counters of the place and its ancestors in step with new households. */
  countHouseholds(placeCode: string, count: number): Promise<void> {
    return bumpRegionStats(this.trx, placeCode, { households: count });
  }

  async setHead(householdId: string, personId: string, at: string): Promise<void> {
    await this.trx
      .updateTable('households')
      .set({ head_person_id: personId, updated_at: at })
      .where('id', '=', householdId)
      .execute();
  }
}
