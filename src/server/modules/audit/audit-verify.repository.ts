import type { Executor } from '../../db/database.js';

/** Districts with sealed rows (whether or not their head record is still there). */
export async function auditDistrictsSealed(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('district_code')
    .where('link', 'is not', null)
    .distinct()
    .execute();
  return rows.map((row) => row.district_code);
}

/** How many rows wait for the sealer (served by the partial index audit_log_unsealed). */
export async function countUnsealed(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
