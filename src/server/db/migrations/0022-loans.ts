import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The start-up loan guarantee workflow (创业担保贷款, issue 18): per-district settings as a change
 * log (the latest row holds), guidance attendance, applications moving through the one-stop steps
 * with a deadline each, their event trail and document checklist, the repayment schedule made at
 * disbursement (principal, the borrower's interest and the fiscal subsidy's, per instalment),
 * repayments, and hardship pauses that stop the delinquency clock. Money is integer fen. Every table
 * carries district_code; the scoped ones the region_code of the applicant's home.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('loan_settings_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('max_amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('max_term_months', 'integer', (c) => c.notNull())
    .addColumn('annual_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('subsidy_share_bp', 'integer', (c) => c.notNull())
    /** JSON array of the document names every application must tick. */
    .addColumn('required_documents', 'text', (c) => c.notNull())
    /** Calendar days each waiting step may take before it is overdue and escalated. */
    .addColumn('submitted_days', 'integer', (c) => c.notNull())
    .addColumn('community_review_days', 'integer', (c) => c.notNull())
    .addColumn('centre_review_days', 'integer', (c) => c.notNull())
    .addColumn('bank_approval_days', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)')
    .addColumn('changed_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loan_settings_changes_district')
    .on('loan_settings_changes')
    .columns(['district_code', 'changed_at'])
    .execute();

  await db.schema
    .createTable('loan_guidance')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('attended_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('topic', 'varchar(100)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('loan_guidance_region').on('loan_guidance').columns(['region_code']).execute();
  await db.schema.createIndex('loan_guidance_person').on('loan_guidance').columns(['person_id']).execute();

  await db.schema
    .createTable('loan_applications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('number', 'varchar(24)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('household_id', 'varchar(36)')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'varchar(200)', (c) => c.notNull())
    .addColumn('business', 'varchar(200)', (c) => c.notNull())
    .addColumn('repayment_method', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    /** The end of the waiting step's last day; null once no step waits on anybody. */
    .addColumn('step_due_at', timestamp)
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_region_code', 'varchar(20)')
    .addColumn('centre_approved_at', timestamp)
    .addColumn('annual_rate_bp', 'integer')
    .addColumn('subsidy_share_bp', 'integer')
    .addColumn('bank_name', 'varchar(60)')
    .addColumn('contract_no', 'varchar(60)')
    .addColumn('disbursed_on', 'varchar(10)')
    .addColumn('bucket', 'varchar(10)', (c) => c.notNull().defaultTo('current'))
    .addColumn('days_past_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follow_up_order_id', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('loan_applications_number', ['district_code', 'number'])
    .execute();
  await db.schema
    .createIndex('loan_applications_region')
    .on('loan_applications')
    .columns(['region_code', 'id'])
    .execute();
  await db.schema
    .createIndex('loan_applications_due')
    .on('loan_applications')
    .columns(['overdue', 'step_due_at'])
    .execute();
  await db.schema
    .createIndex('loan_applications_status')
    .on('loan_applications')
    .columns(['district_code', 'status'])
    .execute();

  await db.schema
    .createTable('loan_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('loan_applications.id'))
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loan_events_application')
    .on('loan_events')
    .columns(['application_id', 'at'])
    .execute();

  await db.schema
    .createTable('loan_documents')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('loan_applications.id'))
    .addColumn('item', 'varchar(40)', (c) => c.notNull())
    .addColumn('ticked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ticked_by', 'varchar(36)')
    .addColumn('ticked_by_name', 'varchar(100)')
    .addColumn('ticked_at', timestamp)
    .addPrimaryKeyConstraint('loan_documents_pk', ['district_code', 'application_id', 'item'])
    .execute();

  await db.schema
    .createTable('loan_instalments')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('loan_applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('principal_fen', 'bigint', (c) => c.notNull())
    /** The borrower's share of the interest: rate × (1 − subsidy share). */
    .addColumn('borrower_interest_fen', 'bigint', (c) => c.notNull())
    /** The fiscal interest subsidy (贴息), paid by the treasury, not the borrower. */
    .addColumn('subsidy_interest_fen', 'bigint', (c) => c.notNull())
    /** What the borrower has paid towards principal + their interest. */
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_on', 'varchar(10)')
    .addPrimaryKeyConstraint('loan_instalments_pk', ['district_code', 'application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('loan_repayments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('loan_applications.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loan_repayments_application')
    .on('loan_repayments')
    .columns(['application_id', 'paid_on'])
    .execute();

  await db.schema
    .createTable('loan_pauses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('loan_applications.id'))
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('from_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loan_pauses_application')
    .on('loan_pauses')
    .columns(['application_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'loan_pauses',
    'loan_repayments',
    'loan_instalments',
    'loan_documents',
    'loan_events',
    'loan_applications',
    'loan_guidance',
    'loan_settings_changes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
