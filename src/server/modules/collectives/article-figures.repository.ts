import type { Executor } from '../../db/database.js';

/**
 * The article's co-operative figures for `lianxin report article`: of the district's approved
 * dividend runs, the latest year's run of the collective with the largest income (the article
 * speaks of the district's leading co-operative, 张家店屯's) — its income and what it paid per
 * shareholder, in whole yuan. Null while no run is approved.
 */
export async function articleCollectiveFigures(db: Executor, district: string) {
  const run = await db
    .selectFrom('dividend_runs')
    .select(['id', 'income_fen', 'paid_fen'])
    .where('district_code', '=', district)
    .where('status', '=', 'approved')
    .orderBy('year', 'desc')
    .orderBy('income_fen', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!run) return { cooperative_rent: null, cooperative_dividend_per_person: null };
  const paid = await db
    .selectFrom('dividend_payouts')
    .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
    .where('run_id', '=', run.id)
    .executeTakeFirstOrThrow();
  const people = Number(paid.n);
  return {
    cooperative_rent: Math.round(Number(run.income_fen) / 100),
    cooperative_dividend_per_person: people === 0 ? null : Math.round(Number(run.paid_fen) / people / 100),
  };
}
