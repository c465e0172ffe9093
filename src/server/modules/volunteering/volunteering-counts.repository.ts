import type { Executor } from '../../db/database.js';

/**
 * What the cockpit's volunteering counters are counted from (the rebuild, and the refresh job for
 * the snapshot one): confirmed services with their minutes and shift start, and active volunteers
 * (active records with confirmed service) per team region.
 */
export const volunteeringCounts = {
  confirmedServices: (db: Executor, district: string) =>
    db
      .selectFrom('volunteer_signups')
      .select(['region_code', 'starts_at', 'minutes'])
      .where('district_code', '=', district)
      .where('confirmed_at', 'is not', null)
      .execute(),

  async activeVolunteers(db: Executor, district: string): Promise<{ region_code: string; n: number }[]> {
    const rows = await db
      .selectFrom('volunteers as v')
      .select((eb) => ['v.region_code', eb.fn.countAll<number>().as('n')])
      .where('v.district_code', '=', district)
      .where('v.status', '=', 'active')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('volunteer_signups as s')
            .select('s.id')
            // district_code too: on Citus a correlated subquery must join on the distribution column.
            .whereRef('s.district_code', '=', 'v.district_code')
            .whereRef('s.volunteer_id', '=', 'v.id')
            // Named on Citus: a correlated subquery must join on the distribution column.
            .whereRef('s.district_code', '=', 'v.district_code')
            .where('s.confirmed_at', 'is not', null),
        ),
      )
      .groupBy('v.region_code')
      .execute();
    return rows.map((row) => ({ region_code: row.region_code, n: Number(row.n) }));
  },
};
