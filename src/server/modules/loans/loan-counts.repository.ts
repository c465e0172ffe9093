import { sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';

export interface LoanCounts {
  guided: number;
  applied: number;
  approved: number;
  disbursedCount: number;
  disbursedFen: number;
  inArrears: number;
  inArrearsFen: number;
}

/** Per region: the figures the article counts (for the cockpit's snapshot counters). */
export interface LoanCountRow {
  region_code: string;
  guided: number;
  applied: number;
  approved: number;
  disbursed: number;
  disbursed_fen: number;
  in_arrears: number;
}

/** The loans' totals over a scope, and per region of a district. */
export const loanCounts = {
  /**
   * Guided: people who attended a guidance session; applied: applications taken in; approved: those
   * the guarantee centre approved (担保); disbursed: lent by the bank (count and fen); in arrears:
   * loans past a due date now, with the fen past due (principal and the borrower's interest).
   */
  totals: async (db: Executor, scope: Scope, today: string): Promise<LoanCounts> => {
    const guided = await db
      .selectFrom('loan_guidance')
      .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
      .where(scope.covers('loan_guidance.region_code'))
      .executeTakeFirstOrThrow();
    const loans = await db
      .selectFrom('loan_applications')
      .select((eb) => [
        eb.fn.countAll<number>().as('applied'),
        eb.fn.count<number>('centre_approved_at').as('approved'),
        eb.fn.count<number>('disbursed_on').as('disbursed_count'),
        eb.fn
          .coalesce(
            eb.fn.sum<number>(sql`case when disbursed_on is not null then amount_fen else 0 end`),
            eb.lit(0),
          )
          .as('disbursed_fen'),
        eb.fn
          .sum<number>(
            sql`case when days_past_due > 0 and status in ('disbursed', 'repaying') then 1 else 0 end`,
          )
          .as('in_arrears'),
      ])
      .where(scope.covers('loan_applications.region_code'))
      .executeTakeFirstOrThrow();
    const arrears = await db
      .selectFrom('loan_instalments as i')
      .innerJoin('loan_applications as l', (join) =>
        join.onRef('l.id', '=', 'i.application_id').onRef('l.district_code', '=', 'i.district_code'),
      )
      .select((eb) =>
        eb.fn
          .coalesce(eb.fn.sum<number>(sql`i.principal_fen + i.borrower_interest_fen - i.paid_fen`), eb.lit(0))
          .as('fen'),
      )
      .where(scope.covers('l.region_code'))
      .where('l.status', 'in', ['disbursed', 'repaying'])
      .where('i.due_on', '<', today)
      .where('i.paid_on', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      guided: Number(guided.n),
      applied: Number(loans.applied),
      approved: Number(loans.approved),
      disbursedCount: Number(loans.disbursed_count),
      disbursedFen: Number(loans.disbursed_fen ?? 0),
      inArrears: Number(loans.in_arrears ?? 0),
      inArrearsFen: Number(arrears.fen ?? 0),
    };
  },

  /** Per applicant's region in one district, for the cockpit's counters. */
  byRegion: async (db: Executor, district: string): Promise<LoanCountRow[]> => {
    const loans = await db
      .selectFrom('loan_applications')
      .select((eb) => [
        'region_code',
        eb.fn.countAll<number>().as('applied'),
        eb.fn.count<number>('centre_approved_at').as('approved'),
        eb.fn.count<number>('disbursed_on').as('disbursed'),
        eb.fn
          .sum<number>(sql`case when disbursed_on is not null then amount_fen else 0 end`)
          .as('disbursed_fen'),
        eb.fn
          .sum<number>(
            sql`case when days_past_due > 0 and status in ('disbursed', 'repaying') then 1 else 0 end`,
          )
          .as('in_arrears'),
      ])
      .where('district_code', '=', district)
      .groupBy('region_code')
      .execute();
    const guided = await db
      .selectFrom('loan_guidance')
      .select((eb) => ['region_code', eb.fn.count<number>('person_id').distinct().as('n')])
      .where('district_code', '=', district)
      .groupBy('region_code')
      .execute();
    const rows = new Map<string, LoanCountRow>();
    const rowOf = (region: string) => {
      let row = rows.get(region);
      if (!row) {
        row = {
          region_code: region,
          guided: 0,
          applied: 0,
          approved: 0,
          disbursed: 0,
          disbursed_fen: 0,
          in_arrears: 0,
        };
        rows.set(region, row);
      }
      return row;
    };
    for (const g of guided) rowOf(g.region_code).guided = Number(g.n);
    for (const l of loans) {
      const row = rowOf(l.region_code);
      row.applied = Number(l.applied);
      row.approved = Number(l.approved);
      row.disbursed = Number(l.disbursed);
      row.disbursed_fen = Number(l.disbursed_fen ?? 0);
      row.in_arrears = Number(l.in_arrears ?? 0);
    }
    return [...rows.values()];
  },
};
