import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { ResettlementCommunityTable } from './relocation.tables.js';

export type ResettlementRow = Selectable<ResettlementCommunityTable> & { region_name: string };

const withName = (db: Executor) =>
  db
    .selectFrom('resettlement_communities as r')
    .innerJoin('regions', 'regions.code', 'r.region_code')
    .selectAll('r')
    .select('regions.name as region_name');

/** Resettlement communities (安置社区). Only this file touches their table. */
export const resettlementsRepository = {
  insert: async (db: Executor, row: Insertable<ResettlementCommunityTable>): Promise<void> => {
    await db.insertInto('resettlement_communities').values(row).execute();
  },

  /** Scoped by the community's own code. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<ResettlementRow | undefined> =>
    withName(db).where('r.id', '=', id).where(scope.covers('r.region_code')).executeTakeFirst(),

  /**
   * A resettlement community of the case's district, whatever the caller's scope: households of a
   * village are resettled into a community of another street by design (the scoped read was the case).
   */
  findInDistrict: (db: Executor, district: string, id: string): Promise<ResettlementRow | undefined> =>
    withName(db).where('r.id', '=', id).where('r.district_code', '=', district).executeTakeFirst(),

  byRegion: (db: Executor, district: string, regionCode: string) =>
    db
      .selectFrom('resettlement_communities')
      .select('id')
      .where('district_code', '=', district)
      .where('region_code', '=', regionCode)
      .executeTakeFirst(),

  /** Every resettlement community of a district (the case page's choice; the demo). */
  ofDistrict: (db: Executor, district: string): Promise<ResettlementRow[]> =>
    withName(db).where('r.district_code', '=', district).orderBy('r.region_code').execute(),

  /**
   * Takes one flat if one is left: one conditional update, so two resettlements at once can never
   * pass the capacity (the second waits on the row and then finds it full).
   */
  async occupy(db: Executor, id: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('resettlement_communities')
      .set((eb) => ({ occupied_units: eb('occupied_units', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .whereRef('occupied_units', '<', 'capacity_units')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Sets the capacity unless fewer flats than are given already. */
  async setCapacity(db: Executor, id: string, capacity: number, at: string): Promise<boolean> {
    const result = await db
      .updateTable('resettlement_communities')
      .set({ capacity_units: capacity, updated_at: at })
      .where('id', '=', id)
      .where('occupied_units', '<=', capacity)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
