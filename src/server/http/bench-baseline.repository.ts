import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * The benchmarks' baseline table: made when a server starts with LIANXIN_BENCH_ROUTES=1, never by
 * a migration, so no installation has it. One row per request, no index beyond the key.
 */
export const benchBaselineRepository = {
  ensureTable: async (db: Executor): Promise<void> => {
    await sql`
      create table if not exists bench_baseline_rows (
        id varchar(36) primary key,
        district_code varchar(6) not null,
        body text not null,
        created_at varchar(32) not null
      )`.execute(db);
  },

  /** One plain INSERT, committed on its own: what the baseline measures beside an intake. */
  insert: async (db: Executor, row: { id: string; districtCode: string; body: string; at: string }) => {
    await sql`
      insert into bench_baseline_rows (id, district_code, body, created_at)
      values (${row.id}, ${row.districtCode}, ${row.body}, ${row.at})`.execute(db);
  },
};
