import type { Executor } from '../../db/database.js';

/** A confirmed sign-up of a volunteer who is a party member: what the points module counts. */
export interface MemberHoursRow {
  signup_id: string;
  member_id: string;
  member_region_code: string;
  minutes: number;
  starts_at: string;
  activity_title: string;
}

/**
 * Read by other modules (the points' accrual): the confirmed sign-ups with minutes of a district's
 * volunteers who are members (the register person of the volunteer is a member's person), whose
 * shift began in [from, to). The member is found through the person, so a volunteer enrolled
 * before becoming a member counts too.
 */
export const memberHoursRepository = {
  confirmedBetween: (
    db: Executor,
    districtCode: string,
    from: string,
    to: string,
  ): Promise<MemberHoursRow[]> =>
    db
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteers as v', 'v.id', 's.volunteer_id')
      .innerJoin('members as m', 'm.person_id', 'v.person_id')
      .innerJoin('volunteer_activities as a', 'a.id', 's.activity_id')
      .select([
        's.id as signup_id',
        'm.id as member_id',
        'm.region_code as member_region_code',
        's.minutes',
        's.starts_at',
        'a.title as activity_title',
      ])
      .where('s.district_code', '=', districtCode)
      .where('s.status', '=', 'confirmed')
      .where('s.confirmed_at', 'is not', null)
      .where('s.minutes', '>', 0)
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .execute() as Promise<MemberHoursRow[]>,
};
