import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { ContactPointTable, ContactRecordTable } from './worklogs.tables.js';

export type ContactPointRow = Selectable<ContactPointTable> & { organization_name: string };
export type ContactRecordRow = Selectable<ContactRecordTable>;

/** Contact points (联系点) and their contact records. Only this file touches those two tables. */
export const contactPointsRepository = {
  insert: async (db: Executor, row: Insertable<ContactPointTable>): Promise<void> => {
    await db.insertInto('contact_points').values(row).execute();
  },

  /** An open assignment of the leader at the organization, if any. */
  openOf: (db: Executor, leaderUserId: string, organizationId: string) =>
    db
      .selectFrom('contact_points')
      .select('id')
      .where('leader_user_id', '=', leaderUserId)
      .where('organization_id', '=', organizationId)
      .where('end_on', 'is', null)
      .executeTakeFirst(),

  /** Scoped by the organization's region. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<ContactPointRow | undefined> =>
    db
      .selectFrom('contact_points')
      .innerJoin('organizations', 'organizations.id', 'contact_points.organization_id')
      .selectAll('contact_points')
      .select('organizations.name as organization_name')
      .where('contact_points.id', '=', id)
      .where(scope.covers('contact_points.region_code'))
      .executeTakeFirst(),

  /** The leader's own assignment: found through the leader, whatever the region. */
  findOwn: (db: Executor, leaderUserId: string, id: string): Promise<ContactPointRow | undefined> =>
    db
      .selectFrom('contact_points')
      .innerJoin('organizations', 'organizations.id', 'contact_points.organization_id')
      .selectAll('contact_points')
      .select('organizations.name as organization_name')
      .where('contact_points.id', '=', id)
      .where('contact_points.leader_user_id', '=', leaderUserId)
      .executeTakeFirst(),

  /** Ends an open assignment; false when it was ended already (a race's loser). */
  end: async (db: Executor, id: string, endOn: string, by: string | null): Promise<boolean> => {
    const result = await db
      .updateTable('contact_points')
      .set({ end_on: endOn, ended_by: by })
      .where('id', '=', id)
      .where('end_on', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Newest assignment first (UUIDv7 ids). */
  list: (
    db: Executor,
    scope: Scope,
    filter: {
      organization?: string | undefined;
      leader?: string | undefined;
      open?: boolean | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<ContactPointRow[]> => {
    let query = db
      .selectFrom('contact_points')
      .innerJoin('organizations', 'organizations.id', 'contact_points.organization_id')
      .selectAll('contact_points')
      .select('organizations.name as organization_name')
      .where(scope.covers('contact_points.region_code', { driveIndex: false }));
    if (filter.organization) query = query.where('contact_points.organization_id', '=', filter.organization);
    if (filter.leader) query = query.where('contact_points.leader_user_id', '=', filter.leader);
    if (filter.open === true) query = query.where('contact_points.end_on', 'is', null);
    if (filter.open === false) query = query.where('contact_points.end_on', 'is not', null);
    if (filter.after) query = query.where('contact_points.id', '<', filter.after);
    return query
      .orderBy('contact_points.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** The leader's open assignments, by organization name. */
  openOfLeader: (db: Executor, leaderUserId: string): Promise<ContactPointRow[]> =>
    db
      .selectFrom('contact_points')
      .innerJoin('organizations', 'organizations.id', 'contact_points.organization_id')
      .selectAll('contact_points')
      .select('organizations.name as organization_name')
      .where('contact_points.leader_user_id', '=', leaderUserId)
      .where('contact_points.end_on', 'is', null)
      .orderBy('organizations.name')
      .orderBy('contact_points.id')
      .limit(500)
      .execute(),

  /** Records and the last contact day per assignment: one GROUP BY. */
  stats: async (db: Executor, ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, { records: number; last: string | null }>();
    const rows = await db
      .selectFrom('contact_records')
      .select((eb) => [
        'contact_point_id',
        eb.fn.countAll<number | string>().as('records'),
        eb.fn.max('contacted_on').as('last'),
      ])
      .where('contact_point_id', 'in', [...ids])
      .groupBy('contact_point_id')
      .execute();
    return new Map(
      rows.map((r) => [r.contact_point_id, { records: Number(r.records), last: r.last ?? null }]),
    );
  },

  insertRecord: async (db: Executor, row: Insertable<ContactRecordTable>): Promise<void> => {
    await db.insertInto('contact_records').values(row).execute();
  },

  records: (db: Executor, contactPointId: string): Promise<ContactRecordRow[]> =>
    db
      .selectFrom('contact_records')
      .selectAll()
      .where('contact_point_id', '=', contactPointId)
      .orderBy('contacted_on', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute(),
};
