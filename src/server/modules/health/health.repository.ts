import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** The readiness probe's one query: the database answers at all. */
export const healthRepository = {
  ping: async (db: Executor): Promise<void> => {
    await sql`select 1`.execute(db);
  },
};
