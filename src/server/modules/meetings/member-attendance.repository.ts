import type { Executor } from '../../db/database.js';

/** A meeting a member attended (marked present): what the points module counts. */
export interface MemberAttendanceRow {
  meeting_id: string;
  member_id: string;
  member_region_code: string;
  held_on: string;
  type: string;
  topic: string;
}

/**
 * Read by other modules (the points' accrual): the members of a district marked present at a
 * meeting held (submitted or approved, as compliance counts it) on a Beijing day in [from, to].
 */
export const memberAttendanceRepository = {
  presentBetween: (
    db: Executor,
    districtCode: string,
    from: string,
    to: string,
  ): Promise<MemberAttendanceRow[]> =>
    db
      .selectFrom('meeting_attendance as a')
      .innerJoin('meetings', 'meetings.id', 'a.meeting_id')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select([
        'meetings.id as meeting_id',
        'm.id as member_id',
        'm.region_code as member_region_code',
        'meetings.held_on',
        'meetings.type',
        'meetings.topic',
      ])
      .where('meetings.district_code', '=', districtCode)
      .where('meetings.status', 'in', ['submitted', 'approved'])
      .where('a.mark', '=', 'present')
      .where('meetings.held_on', '>=', from)
      .where('meetings.held_on', '<=', to)
      .orderBy('meetings.held_on')
      .orderBy('meetings.id')
      .execute() as Promise<MemberAttendanceRow[]>,
};
