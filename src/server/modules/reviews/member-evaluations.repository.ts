import { sql } from 'kysely';
import type { MemberGrade } from '../../../shared/api/reviews.js';
import type { Executor } from '../../db/database.js';

/** 民主评议党员: grades per member and year, and the tally of 优秀 per organization and year. */
export const memberEvaluationsRepository = {
  ofOrganization: (db: Executor, organizationId: string, year: number) =>
    db
      .selectFrom('member_evaluations')
      .select(['member_id', 'grade'])
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .execute(),

  ofMember: (db: Executor, memberId: string, year: number) =>
    db
      .selectFrom('member_evaluations')
      .select(['id', 'grade', 'organization_id'])
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .executeTakeFirst(),

  /**
   * Takes the organization's tally row for the year (made on first use) and answers its count of
   * 优秀: on PostgreSQL the UPDATE holds the row lock until commit, so two grades of one
   * organization written at once take turns and each sees the other's count; grades of other
   * organizations wait for nothing.
   */
  async holdTally(db: Executor, organizationId: string, year: number, district: string): Promise<number> {
    await db
      .insertInto('member_evaluation_tallies')
      .values({ organization_id: organizationId, year, district_code: district, excellent: 0 })
      .onConflict((oc) => oc.columns(['district_code', 'organization_id', 'year']).doNothing())
      .execute();
    const row = await db
      .updateTable('member_evaluation_tallies')
      .set({ excellent: sql`excellent` })
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .returning('excellent')
      .executeTakeFirstOrThrow();
    return Number(row.excellent);
  },

  tally: async (db: Executor, organizationId: string, year: number): Promise<number> => {
    const row = await db
      .selectFrom('member_evaluation_tallies')
      .select('excellent')
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .executeTakeFirst();
    return Number(row?.excellent ?? 0);
  },

  setTally: async (db: Executor, organizationId: string, year: number, excellent: number): Promise<void> => {
    await db
      .updateTable('member_evaluation_tallies')
      .set({ excellent })
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .execute();
  },

  upsert: async (
    db: Executor,
    row: {
      id: string;
      district_code: string;
      region_code: string;
      organization_id: string;
      member_id: string;
      year: number;
      grade: MemberGrade;
      evaluated_by: string | null;
      updated_at: string;
    },
  ): Promise<void> => {
    await db
      .insertInto('member_evaluations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['district_code', 'member_id', 'year']).doUpdateSet({
          grade: row.grade,
          organization_id: row.organization_id,
          region_code: row.region_code,
          evaluated_by: row.evaluated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },
};
