import type { Insertable, Selectable, Updateable } from 'kysely';
import type { MeetingStatus, MeetingType } from '../../../shared/api/meetings.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { MeetingAttendanceTable, MeetingTable } from './meetings.tables.js';

export type MeetingRow = Selectable<MeetingTable> & { organization_name: string };
export type AttendanceRow = Selectable<MeetingAttendanceTable>;

/** Meetings and their attendance. Only this file touches those two tables. */
export const meetingsRepository = {
  insert: async (db: Executor, row: Insertable<MeetingTable>): Promise<void> => {
    await db.insertInto('meetings').values(row).execute();
  },

  /** Scoped by the organization's region; nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<MeetingRow | undefined> =>
    db
      .selectFrom('meetings')
      .innerJoin('organizations', 'organizations.id', 'meetings.organization_id')
      .selectAll('meetings')
      .select('organizations.name as organization_name')
      .where('meetings.id', '=', id)
      .where(scope.covers('meetings.region_code'))
      .executeTakeFirst(),

  /** Moves a meeting on only from the status it was read in: the loser of a race changes nothing. */
  updateFrom: async (
    db: Executor,
    id: string,
    from: readonly MeetingStatus[],
    changes: Updateable<MeetingTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('meetings')
      .set(changes)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      organization?: string | undefined;
      type?: MeetingType | undefined;
      status?: MeetingStatus | undefined;
      from?: string | undefined;
      to?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<MeetingRow[]> => {
    let query = db
      .selectFrom('meetings')
      .innerJoin('organizations', 'organizations.id', 'meetings.organization_id')
      .selectAll('meetings')
      .select('organizations.name as organization_name')
      .where(scope.covers('meetings.region_code', { driveIndex: false }));
    if (filter.organization) query = query.where('meetings.organization_id', '=', filter.organization);
    if (filter.type) query = query.where('meetings.type', '=', filter.type);
    if (filter.status) query = query.where('meetings.status', '=', filter.status);
    if (filter.from) query = query.where('meetings.planned_on', '>=', filter.from);
    if (filter.to) query = query.where('meetings.planned_on', '<=', filter.to);
    // Newest first: ids are UUIDv7, so descending id is descending creation.
    if (filter.after) query = query.where('meetings.id', '<', filter.after);
    return query
      .orderBy('meetings.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  attendance: (db: Executor, meetingId: string): Promise<AttendanceRow[]> =>
    db
      .selectFrom('meeting_attendance')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('member_name')
      .orderBy('member_id')
      .execute(),

  /** Present / absent / expected per meeting, for a list page. */
  attendanceCounts: async (db: Executor, meetingIds: readonly string[]) => {
    if (meetingIds.length === 0) return [];
    return db
      .selectFrom('meeting_attendance')
      .select((eb) => ['meeting_id', 'mark', eb.fn.countAll<number>().as('count')])
      .where('meeting_id', 'in', [...meetingIds])
      .groupBy(['meeting_id', 'mark'])
      .execute();
  },

  replaceAttendance: async (
    db: Executor,
    meetingId: string,
    rows: readonly Insertable<MeetingAttendanceTable>[],
  ): Promise<void> => {
    await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
    if (rows.length > 0)
      await db
        .insertInto('meeting_attendance')
        .values([...rows])
        .execute();
  },

  /**
   * Meetings that count as held for compliance: approved, or submitted, with the date held in
   * [from, to]; of organizations among `organizationIds`.
   */
  held: async (db: Executor, organizationIds: readonly string[], from: string, to: string) => {
    if (organizationIds.length === 0) return [];
    return db
      .selectFrom('meetings')
      .select(['id', 'organization_id', 'type', 'held_on'])
      .where('organization_id', 'in', [...organizationIds])
      .where('status', 'in', ['submitted', 'approved'])
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .orderBy('held_on')
      .orderBy('id')
      .execute();
  },
};
