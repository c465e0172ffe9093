import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/**
 * The article's loan figures for `lianxin report article`, over the whole district: people who
 * attended a guidance session (each once), loans the bank lent and their principal in whole yuan.
 */
export async function articleLoanFigures(db: Executor, district: string) {
  const guided = await db
    .selectFrom('loan_guidance')
    .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
    .where('district_code', '=', district)
    .executeTakeFirstOrThrow();
  const lent = await db
    .selectFrom('loan_applications')
    .select((eb) => [
      eb.fn.count<number>('disbursed_on').as('n'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(sql`case when disbursed_on is not null then amount_fen else 0 end`),
          eb.lit(0),
        )
        .as('fen'),
    ])
    .where('district_code', '=', district)
    .executeTakeFirstOrThrow();
  return {
    loan_guidance: Number(guided.n),
    loans_disbursed: Number(lent.n),
    loans_disbursed_amount: Math.round(Number(lent.fen ?? 0) / 100),
  };
}
