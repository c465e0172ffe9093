import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { LoanInstalmentTable, LoanPauseTable, LoanRepaymentTable } from './loans.tables.js';

export type InstalmentRow = Selectable<LoanInstalmentTable>;
export type PauseRow = Selectable<LoanPauseTable>;

/** A loan's schedule, its repayments and hardship pauses. Only this file touches those tables. */
export const repaymentsRepository = {
  insertInstalments: async (db: Executor, rows: Insertable<LoanInstalmentTable>[]): Promise<void> => {
    // In slices: PostgreSQL takes at most 65,535 parameters in one statement.
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('loan_instalments')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  instalments: (db: Executor, applicationId: string): Promise<InstalmentRow[]> =>
    db
      .selectFrom('loan_instalments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('seq')
      .execute(),

  setPaid: async (
    db: Executor,
    applicationId: string,
    seq: number,
    paidFen: number,
    paidOn: string | null,
  ): Promise<void> => {
    await db
      .updateTable('loan_instalments')
      .set({ paid_fen: paidFen, paid_on: paidOn })
      .where('application_id', '=', applicationId)
      .where('seq', '=', seq)
      .execute();
  },

  insertRepayment: async (db: Executor, row: Insertable<LoanRepaymentTable>): Promise<void> => {
    await db.insertInto('loan_repayments').values(row).execute();
  },

  repayments: (db: Executor, applicationId: string): Promise<Selectable<LoanRepaymentTable>[]> =>
    db
      .selectFrom('loan_repayments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('paid_on')
      .orderBy('id')
      .execute(),

  pauses: (db: Executor, applicationId: string): Promise<PauseRow[]> =>
    db
      .selectFrom('loan_pauses')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('from_on')
      .orderBy('id')
      .execute(),

  insertPause: async (db: Executor, row: Insertable<LoanPauseTable>): Promise<void> => {
    await db.insertInto('loan_pauses').values(row).execute();
  },

  endPause: async (db: Executor, id: string, toOn: string): Promise<void> => {
    await db.updateTable('loan_pauses').set({ to_on: toOn }).where('id', '=', id).execute();
  },
};
