import type { Insertable, Selectable } from 'kysely';
import type { MeetingTaskSource, MeetingTaskStatus } from '../../../shared/api/meetings.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { MeetingRuleTable, MeetingTaskTable } from './meetings.tables.js';

export type MeetingTaskRow = Selectable<MeetingTaskTable> & { organization_name: string };

/** Meeting tasks (missed meetings, decisions) and the districts' rule tables. */
export const meetingTasksRepository = {
  /**
   * Inserts the tasks not there yet (same organization and source key): a second sweep, or a
   * second process sweeping at the same moment, adds nothing. Answers how many it added.
   */
  insertNew: async (db: Executor, rows: readonly Insertable<MeetingTaskTable>[]): Promise<number> => {
    let added = 0;
    for (const row of rows) {
      const result = await db
        .insertInto('meeting_tasks')
        .values(row)
        .onConflict((oc) => oc.columns(['district_code', 'organization_id', 'source_key']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  },

  /** The open decision tasks of a meeting, dropped when it is submitted again with new decisions. */
  dropOpenDecisions: async (db: Executor, meetingId: string): Promise<void> => {
    await db
      .deleteFrom('meeting_tasks')
      .where('meeting_id', '=', meetingId)
      .where('source', '=', 'decision')
      .where('status', '=', 'open')
      .execute();
  },

  ofMeeting: (db: Executor, meetingId: string): Promise<MeetingTaskRow[]> =>
    db
      .selectFrom('meeting_tasks')
      .innerJoin('organizations', 'organizations.id', 'meeting_tasks.organization_id')
      .selectAll('meeting_tasks')
      .select('organizations.name as organization_name')
      .where('meeting_tasks.meeting_id', '=', meetingId)
      .orderBy('meeting_tasks.source_key')
      .execute(),

  findInScope: (db: Executor, scope: Scope, id: string): Promise<MeetingTaskRow | undefined> =>
    db
      .selectFrom('meeting_tasks')
      .innerJoin('organizations', 'organizations.id', 'meeting_tasks.organization_id')
      .selectAll('meeting_tasks')
      .select('organizations.name as organization_name')
      .where('meeting_tasks.id', '=', id)
      .where(scope.covers('meeting_tasks.region_code'))
      .executeTakeFirst(),

  markDone: async (db: Executor, id: string, by: string | null, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('meeting_tasks')
      .set({ status: 'done', done_by: by, done_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      organization?: string | undefined;
      status?: MeetingTaskStatus | undefined;
      source?: MeetingTaskSource | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<MeetingTaskRow[]> => {
    let query = db
      .selectFrom('meeting_tasks')
      .innerJoin('organizations', 'organizations.id', 'meeting_tasks.organization_id')
      .selectAll('meeting_tasks')
      .select('organizations.name as organization_name')
      .where(scope.covers('meeting_tasks.region_code', { driveIndex: false }));
    if (filter.organization) query = query.where('meeting_tasks.organization_id', '=', filter.organization);
    if (filter.status) query = query.where('meeting_tasks.status', '=', filter.status);
    if (filter.source) query = query.where('meeting_tasks.source', '=', filter.source);
    if (filter.after) query = query.where('meeting_tasks.id', '<', filter.after);
    return query
      .orderBy('meeting_tasks.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  rules: (db: Executor, districtCode: string): Promise<Selectable<MeetingRuleTable>[]> =>
    db
      .selectFrom('meeting_rules')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('meeting_type')
      .execute(),

  replaceRules: async (
    db: Executor,
    districtCode: string,
    rows: readonly Insertable<MeetingRuleTable>[],
  ): Promise<void> => {
    await db.deleteFrom('meeting_rules').where('district_code', '=', districtCode).execute();
    if (rows.length > 0)
      await db
        .insertInto('meeting_rules')
        .values([...rows])
        .execute();
  },
};
