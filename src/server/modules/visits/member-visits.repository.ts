import type { Executor } from '../../db/database.js';

/** A visit recorded by a party member's own account: what the points module counts. */
export interface MemberVisitRow {
  visit_id: string;
  member_id: string;
  member_region_code: string;
  started_at: string;
}

/**
 * Read by other modules (the points' accrual): the visits of a district begun in [from, to) whose
 * recording account is linked to a member (`members.user_id`).
 */
export const memberVisitsRepository = {
  recordedBetween: (
    db: Executor,
    districtCode: string,
    from: string,
    to: string,
  ): Promise<MemberVisitRow[]> =>
    db
      .selectFrom('visits')
      .innerJoin('members as m', 'm.user_id', 'visits.recorded_by')
      .select([
        'visits.id as visit_id',
        'm.id as member_id',
        'm.region_code as member_region_code',
        'visits.started_at',
      ])
      .where('visits.district_code', '=', districtCode)
      .where('visits.started_at', '>=', from)
      .where('visits.started_at', '<', to)
      .orderBy('visits.started_at')
      .orderBy('visits.id')
      .execute(),
};
