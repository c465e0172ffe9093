import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/tables.js';
import type { CobuildingTables } from './cobuilding.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 400) await write(rows.slice(i, i + 400));
};

export type DemoCobuildingRows = {
  organizations: Insertable<DB['organizations']>[];
  organizationHistory: Insertable<DB['organization_history']>[];
} & { [K in keyof CobuildingTables]: Insertable<CobuildingTables[K]>[] };

/** What the demo reads to build projects, units and task forces, and its bulk writes (no audit). */
export const demoCobuildingRepository = {
  streets: (db: Executor, district: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('district_code', '=', district)
      .where('kind', 'in', ['street', 'town'])
      .orderBy('code')
      .execute(),

  communities: (db: Executor, district: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('district_code', '=', district)
      .where('kind', 'in', ['community', 'village'])
      .orderBy('code')
      .execute(),

  /** The street (town) committees (党工委), by street code. */
  streetCommittees: (db: Executor, district: string) =>
    db
      .selectFrom('organizations')
      .innerJoin('regions', 'regions.code', 'organizations.region_code')
      .select(['organizations.id', 'organizations.path', 'organizations.region_code'])
      .where('organizations.district_code', '=', district)
      .where('organizations.kind', '=', 'committee')
      .where('organizations.status', '=', 'active')
      .where('regions.kind', 'in', ['street', 'town'])
      .orderBy('organizations.id')
      .execute(),

  enterprises: (db: Executor, district: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where('district_code', '=', district)
      .orderBy('id')
      .execute(),

  /** In-service members with their organization, in id order. */
  members: (db: Executor, district: string, limit: number) =>
    db
      .selectFrom('members')
      .select(['id', 'organization_id', 'region_code'])
      .where('district_code', '=', district)
      .where('status', '=', 'in_service')
      .orderBy('id')
      .limit(limit)
      .execute(),

  async insert(db: Executor, rows: DemoCobuildingRows): Promise<void> {
    await inChunks(rows.organizations, (chunk) => db.insertInto('organizations').values(chunk).execute());
    await inChunks(rows.organizationHistory, (chunk) =>
      db.insertInto('organization_history').values(chunk).execute(),
    );
    await inChunks(rows.projects, (chunk) => db.insertInto('projects').values(chunk).execute());
    await inChunks(rows.project_enterprises, (chunk) =>
      db.insertInto('project_enterprises').values(chunk).execute(),
    );
    await inChunks(rows.project_organizations, (chunk) =>
      db.insertInto('project_organizations').values(chunk).execute(),
    );
    await inChunks(rows.cobuilding_units, (chunk) =>
      db.insertInto('cobuilding_units').values(chunk).execute(),
    );
    await inChunks(rows.cobuilding_unit_members, (chunk) =>
      db.insertInto('cobuilding_unit_members').values(chunk).execute(),
    );
    await inChunks(rows.cobuilding_activities, (chunk) =>
      db.insertInto('cobuilding_activities').values(chunk).execute(),
    );
    await inChunks(rows.cobuilding_venues, (chunk) =>
      db.insertInto('cobuilding_venues').values(chunk).execute(),
    );
    await inChunks(rows.venue_bookings, (chunk) => db.insertInto('venue_bookings').values(chunk).execute());
    await inChunks(rows.task_forces, (chunk) => db.insertInto('task_forces').values(chunk).execute());
    await inChunks(rows.task_force_secondments, (chunk) =>
      db.insertInto('task_force_secondments').values(chunk).execute(),
    );
    await inChunks(rows.task_force_results, (chunk) =>
      db.insertInto('task_force_results').values(chunk).execute(),
    );
  },
};
