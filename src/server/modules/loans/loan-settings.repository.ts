import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { LoanSettingsChangeTable } from './loans.tables.js';

export type SettingsRow = Selectable<LoanSettingsChangeTable>;

/** A district's loan settings as a change log: the latest row holds. Only this file touches it. */
export const loanSettingsRepository = {
  latest: (db: Executor, districtCode: string): Promise<SettingsRow | undefined> =>
    db
      .selectFrom('loan_settings_changes')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),

  changes: (db: Executor, districtCode: string): Promise<SettingsRow[]> =>
    db
      .selectFrom('loan_settings_changes')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),

  insert: async (db: Executor, row: Insertable<LoanSettingsChangeTable>): Promise<void> => {
    await db.insertInto('loan_settings_changes').values(row).execute();
  },
};
