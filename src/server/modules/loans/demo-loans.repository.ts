import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  LoanApplicationTable,
  LoanDocumentTable,
  LoanEventTable,
  LoanGuidanceTable,
  LoanInstalmentTable,
  LoanRepaymentTable,
} from './loans.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
};

export interface DemoLoanRows {
  guidance: Insertable<LoanGuidanceTable>[];
  applications: Insertable<LoanApplicationTable>[];
  documents: Insertable<LoanDocumentTable>[];
  events: Insertable<LoanEventTable>[];
  instalments: Insertable<LoanInstalmentTable>[];
  repayments: Insertable<LoanRepaymentTable>[];
}

/**
 * Bulk writes for the demo's past loans (no audit, no counters: the demo recounts everything
 * after), and the applicants it must not give a second open application.
 */
export const demoLoansRepository = {
  applicants: async (db: Executor, district: string): Promise<Set<string>> =>
    new Set(
      (
        await db
          .selectFrom('loan_applications')
          .select('person_id')
          .where('district_code', '=', district)
          .execute()
      ).map((r) => r.person_id),
    ),

  insert: async (db: Executor, rows: DemoLoanRows): Promise<void> => {
    await inChunks(rows.guidance, (chunk) => db.insertInto('loan_guidance').values(chunk).execute());
    await inChunks(rows.applications, (chunk) => db.insertInto('loan_applications').values(chunk).execute());
    await inChunks(rows.documents, (chunk) => db.insertInto('loan_documents').values(chunk).execute());
    await inChunks(rows.events, (chunk) => db.insertInto('loan_events').values(chunk).execute());
    await inChunks(rows.instalments, (chunk) => db.insertInto('loan_instalments').values(chunk).execute());
    await inChunks(rows.repayments, (chunk) => db.insertInto('loan_repayments').values(chunk).execute());
  },
};
