import type { Insertable, Selectable, Updateable } from 'kysely';
import type { LoanStatus } from '../../../shared/api/loans.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  LoanApplicationTable,
  LoanDocumentTable,
  LoanEventTable,
  LoanGuidanceTable,
} from './loans.tables.js';

export type LoanRow = Selectable<LoanApplicationTable>;
export type LoanView = LoanRow & {
  name: string;
  id_number_enc: string;
  phone_enc: string | null;
  person_status: string;
  open_pauses: unknown;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('loan_applications as l')
    .innerJoin('persons as p', (join) =>
      join.onRef('p.id', '=', 'l.person_id').onRef('p.district_code', '=', 'l.district_code'),
    )
    .selectAll('l')
    .select((eb) => [
      'p.name',
      'p.id_number_enc',
      'p.phone_enc',
      'p.status as person_status',
      eb
        .selectFrom('loan_pauses as lp')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('lp.application_id', '=', 'l.id')
        .whereRef('lp.district_code', '=', 'l.district_code')
        .where('lp.to_on', 'is', null)
        .as('open_pauses'),
    ]);

/** Loan applications, their event trail, checklist and guidance. Only this file touches those tables. */
export const loansRepository = {
  insert: async (db: Executor, row: Insertable<LoanApplicationTable>): Promise<void> => {
    await db.insertInto('loan_applications').values(row).execute();
  },

  /** Scoped by the applicant's home (region_code); nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<LoanRow | undefined> =>
    db
      .selectFrom('loan_applications')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('loan_applications.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads an application back after a scoped check or a write, or for system jobs. */
  viewUnscoped: (db: Executor, id: string): Promise<LoanView | undefined> =>
    viewQuery(db).where('l.id', '=', id).executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      status?: LoanStatus | undefined;
      overdue?: boolean | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<LoanView[]> => {
    let query = viewQuery(db).where(scope.covers('l.region_code'));
    if (filter.status) query = query.where('l.status', '=', filter.status);
    if (filter.overdue !== undefined) query = query.where('l.overdue', '=', filter.overdue ? 1 : 0);
    // Newest first: ids are UUIDv7, so descending id is descending creation.
    if (filter.after) query = query.where('l.id', '<', filter.after);
    return query
      .orderBy('l.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** An application of the person that is neither finished nor refused: one at a time. */
  openOfPerson: (db: Executor, personId: string) =>
    db
      .selectFrom('loan_applications')
      .select('id')
      .where('person_id', '=', personId)
      .where('status', 'not in', ['closed', 'rejected', 'withdrawn'])
      .executeTakeFirst(),

  /**
   * Moves an application only from the status it was read in: the loser of a race (two officers
   * clicking at once) changes nothing and is told so.
   */
  transition: async (
    db: Executor,
    id: string,
    from: LoanStatus,
    changes: Updateable<LoanApplicationTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('loan_applications')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  update: async (db: Executor, id: string, changes: Updateable<LoanApplicationTable>): Promise<void> => {
    await db.updateTable('loan_applications').set(changes).where('id', '=', id).execute();
  },

  insertEvent: async (db: Executor, row: Insertable<LoanEventTable>): Promise<void> => {
    await db.insertInto('loan_events').values(row).execute();
  },

  events: (db: Executor, id: string): Promise<Selectable<LoanEventTable>[]> =>
    db
      .selectFrom('loan_events')
      .selectAll()
      .where('application_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),

  insertDocuments: async (db: Executor, rows: Insertable<LoanDocumentTable>[]): Promise<void> => {
    if (rows.length > 0) await db.insertInto('loan_documents').values(rows).execute();
  },

  documents: (db: Executor, id: string): Promise<Selectable<LoanDocumentTable>[]> =>
    db.selectFrom('loan_documents').selectAll().where('application_id', '=', id).orderBy('item').execute(),

  tickDocument: async (
    db: Executor,
    id: string,
    item: string,
    changes: Pick<LoanDocumentTable, 'ticked' | 'ticked_by' | 'ticked_by_name' | 'ticked_at'>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('loan_documents')
      .set(changes)
      .where('application_id', '=', id)
      .where('item', '=', item)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  insertGuidance: async (db: Executor, row: Insertable<LoanGuidanceTable>): Promise<void> => {
    await db.insertInto('loan_guidance').values(row).execute();
  },

  guided: async (db: Executor, personId: string): Promise<boolean> =>
    (await db
      .selectFrom('loan_guidance')
      .select('id')
      .where('person_id', '=', personId)
      .executeTakeFirst()) !== undefined,

  /** Applications whose waiting step lapsed and that are not yet marked overdue. */
  lapsed: (db: Executor, nowIso: string, limit: number): Promise<LoanRow[]> =>
    db
      .selectFrom('loan_applications')
      .selectAll()
      .where('overdue', '=', 0)
      .where('step_due_at', '<', nowIso)
      .orderBy('step_due_at')
      .limit(limit)
      .execute(),

  /** Marks one lapsed step overdue once: a second sweeper finds the mark and changes nothing. */
  markOverdue: async (db: Executor, id: string, status: LoanStatus, escalatedTo: string, at: string) => {
    const result = await db
      .updateTable('loan_applications')
      .set({ overdue: 1, escalated_region_code: escalatedTo, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', status)
      .where('overdue', '=', 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Loans with a schedule that is not yet repaid: what the daily delinquency job looks at. */
  inRepayment: (db: Executor, afterId: string, limit: number): Promise<LoanRow[]> =>
    db
      .selectFrom('loan_applications')
      .selectAll()
      .where('status', 'in', ['disbursed', 'repaying'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute(),
};
