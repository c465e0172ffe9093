import type { Insertable, Selectable, Updateable } from 'kysely';
import type { WorkLogKind } from '../../../shared/api/worklogs.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { WorkLogTable } from './worklogs.tables.js';

export type WorkLogRow = Selectable<WorkLogTable> & { organization_name: string };

export interface WorkLogFilter {
  organization?: string | undefined;
  author?: string | undefined;
  kind?: WorkLogKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The last row of the previous page: its date and id. */
  after?: readonly [string, string] | undefined;
  limit: number;
}

/** Work logs. Only this file touches the work_logs table. */
export const workLogsRepository = {
  insert: async (db: Executor, row: Insertable<WorkLogTable>): Promise<void> => {
    await db.insertInto('work_logs').values(row).execute();
  },

  /** Scoped by the organization's region; nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<WorkLogRow | undefined> =>
    db
      .selectFrom('work_logs')
      .innerJoin('organizations', (join) =>
        join
          .onRef('organizations.id', '=', 'work_logs.organization_id')
          .onRef('organizations.district_code', '=', 'work_logs.district_code'),
      )
      .selectAll('work_logs')
      .select('organizations.name as organization_name')
      .where('work_logs.id', '=', id)
      .where(scope.covers('work_logs.region_code'))
      .executeTakeFirst(),

  /** Changes a log only while it is not voided: the loser of a race with a void changes nothing. */
  updateLive: async (db: Executor, id: string, changes: Updateable<WorkLogTable>): Promise<boolean> => {
    const result = await db
      .updateTable('work_logs')
      .set(changes)
      .where('id', '=', id)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Newest day first, then newest written first; keyset on (logged_on, id). */
  list: (db: Executor, scope: Scope, filter: WorkLogFilter): Promise<WorkLogRow[]> => {
    let query = db
      .selectFrom('work_logs')
      .innerJoin('organizations', (join) =>
        join
          .onRef('organizations.id', '=', 'work_logs.organization_id')
          .onRef('organizations.district_code', '=', 'work_logs.district_code'),
      )
      .selectAll('work_logs')
      .select('organizations.name as organization_name')
      .where(scope.covers('work_logs.region_code', { driveIndex: false }));
    if (filter.organization) query = query.where('work_logs.organization_id', '=', filter.organization);
    if (filter.author) query = query.where('work_logs.author_id', '=', filter.author);
    if (filter.kind) query = query.where('work_logs.kind', '=', filter.kind);
    if (filter.from) query = query.where('work_logs.logged_on', '>=', filter.from);
    if (filter.to) query = query.where('work_logs.logged_on', '<=', filter.to);
    const after = filter.after;
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('work_logs.logged_on', '<', after[0]),
          eb.and([eb('work_logs.logged_on', '=', after[0]), eb('work_logs.id', '<', after[1])]),
        ]),
      );
    return query
      .orderBy('work_logs.logged_on', 'desc')
      .orderBy('work_logs.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /**
   * Logs (voided ones left out) and the last day logged per organization, for the organizations
   * named, logged in [from, to]: one GROUP BY.
   */
  countsByOrganization: async (
    db: Executor,
    organizationIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ organization_id: string; logs: number; last: string | null }[]> => {
    if (organizationIds.length === 0) return [];
    const rows = await db
      .selectFrom('work_logs')
      .select((eb) => [
        'organization_id',
        eb.fn.countAll<number | string>().as('logs'),
        eb.fn.max('logged_on').as('last'),
      ])
      .where('organization_id', 'in', [...organizationIds])
      .where('voided_at', 'is', null)
      .where('logged_on', '>=', from)
      .where('logged_on', '<=', to)
      .groupBy('organization_id')
      .execute();
    return rows.map((r) => ({
      organization_id: r.organization_id,
      logs: Number(r.logs),
      last: r.last ?? null,
    }));
  },
};
