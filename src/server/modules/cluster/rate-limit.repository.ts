import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** The shared counters of the rate-limited routes (`rate_limit_windows`, migration 0028). */
export const rateLimitRepository = {
  /**
   * Counts one request in the key's window and answers the count and when the window began. One
   * statement (an upsert), so processes counting the same key at once each get their own number:
   * PostgreSQL makes the second wait for the first's row, then adds to it. A window that began
   * at or before `expiredIso` starts again at `nowIso` with this request.
   */
  hit: async (
    db: Executor,
    key: string,
    nowIso: string,
    expiredIso: string,
  ): Promise<{ hits: number; windowStartedAt: string }> => {
    const result = await sql<{ hits: number; window_started_at: string | Date }>`
      insert into rate_limit_windows (key, window_started_at, hits) values (${key}, ${nowIso}, 1)
      on conflict (key) do update set
        hits = case when rate_limit_windows.window_started_at <= ${expiredIso}
          then 1 else rate_limit_windows.hits + 1 end,
        window_started_at = case when rate_limit_windows.window_started_at <= ${expiredIso}
          then excluded.window_started_at else rate_limit_windows.window_started_at end
      returning hits, window_started_at
    `.execute(db);
    const row = result.rows[0]!;
    const started = row.window_started_at;
    return {
      hits: Number(row.hits),
      windowStartedAt: typeof started === 'string' ? started : started.toISOString(),
    };
  },

  /** Windows that ended long ago: their rows only take room. */
  purgeBefore: async (db: Executor, beforeIso: string): Promise<number> => {
    const result = await db
      .deleteFrom('rate_limit_windows')
      .where('window_started_at', '<', beforeIso)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
