import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { BulletinReceiptTable, StudyAttemptTable, StudyProgressTable } from './bulletins.tables.js';

/** The demo's bulk writes of members' receipts, reading and attempts (generated history). */
export const demoBulletinsRepository = {
  /** Members of organizations in a community, linked accounts left out (they read for themselves). */
  membersIn: (db: Executor, community: string, limit: number) =>
    db
      .selectFrom('members')
      .select(['id', 'district_code', 'region_code'])
      .where('region_code', 'like', `${community}%`)
      .where('user_id', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute(),

  insert: async (
    db: Executor,
    rows: {
      receipts: Insertable<BulletinReceiptTable>[];
      progress: Insertable<StudyProgressTable>[];
      attempts: Insertable<StudyAttemptTable>[];
    },
  ): Promise<void> => {
    if (rows.receipts.length > 0) await db.insertInto('bulletin_receipts').values(rows.receipts).execute();
    if (rows.progress.length > 0) await db.insertInto('study_progress').values(rows.progress).execute();
    if (rows.attempts.length > 0) await db.insertInto('study_attempts').values(rows.attempts).execute();
  },
};
