import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Issue 18, the job service's leftovers.
 *
 * - Job fairs (招聘会, 农民办事大集): a fair in a region, the enterprises attending with the jobs
 *   they bring, and the seekers registered for it; a recommendation may name the fair it came from.
 * - Text alerts of new matching jobs: a seeker may opt out (`sms_opt_out`); a posted or reopened
 *   job is queued (`job_alert_queue`, one row per job, written in the post's transaction) and the
 *   scheduler's `job alerts` run sends; `job_alerts` holds one row per job and seeker, so a second
 *   run or a re-post never texts the same seeker about the same job twice, and its (seeker, day)
 *   index counts the daily cap.
 */
export async function up(db: Kysely<unknown>, { timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('job_fairs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The fair's scope: who in it may see and manage the fair. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    /** job_fair (招聘会) · market (农民办事大集). */
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('place', 'varchar(200)', (c) => c.notNull())
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp, (c) => c.notNull())
    /** planned · open · closed · cancelled. */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    /** How many seekers may be registered; null: no limit. */
    .addColumn('seeker_capacity', 'integer')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_fairs_region').on('job_fairs').columns(['region_code', 'id']).execute();

  await db.schema
    .createTable('job_fair_enterprises')
    .addColumn('fair_id', 'varchar(36)', (c) => c.notNull().references('job_fairs.id'))
    .addColumn('enterprise_id', 'varchar(36)', (c) => c.notNull().references('enterprises.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('registered_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_fair_enterprises_pk', ['fair_id', 'enterprise_id'])
    .execute();

  await db.schema
    .createTable('job_fair_jobs')
    .addColumn('fair_id', 'varchar(36)', (c) => c.notNull().references('job_fairs.id'))
    .addColumn('job_id', 'varchar(36)', (c) => c.notNull().references('jobs.id'))
    .addColumn('enterprise_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_fair_jobs_pk', ['fair_id', 'job_id'])
    .execute();

  await db.schema
    .createTable('job_fair_seekers')
    .addColumn('fair_id', 'varchar(36)', (c) => c.notNull().references('job_fairs.id'))
    .addColumn('seeker_id', 'varchar(36)', (c) => c.notNull().references('job_seekers.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('registered_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_fair_seekers_pk', ['fair_id', 'seeker_id'])
    .execute();

  await db.schema.alterTable('job_recommendations').addColumn('fair_id', 'varchar(36)').execute();
  await db.schema
    .createIndex('job_recommendations_fair')
    .on('job_recommendations')
    .columns(['fair_id'])
    .execute();

  await db.schema
    .alterTable('job_seekers')
    .addColumn('sms_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('job_alert_queue')
    .addColumn('job_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('queued_at', timestamp, (c) => c.notNull())
    /** A run's claim on the row until then; another run takes it only after. */
    .addColumn('claimed_until', timestamp)
    .execute();

  await db.schema
    .createTable('job_alerts')
    .addColumn('job_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('seeker_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The Beijing day of the alert: the daily cap counts on it. */
    .addColumn('alerted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_alerts_pk', ['job_id', 'seeker_id'])
    .execute();
  await db.schema
    .createIndex('job_alerts_seeker_day')
    .on('job_alerts')
    .columns(['seeker_id', 'alerted_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_alerts',
    'job_alert_queue',
    'job_fair_seekers',
    'job_fair_jobs',
    'job_fair_enterprises',
    'job_fairs',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('job_recommendations_fair').execute();
  await db.schema.alterTable('job_recommendations').dropColumn('fair_id').execute();
  await db.schema.alterTable('job_seekers').dropColumn('sms_opt_out').execute();
}
