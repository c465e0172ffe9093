import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The job service (issue 18): enterprise contacts (staff accounts bound to an enterprise), jobs
 * with their skills, seekers registered from the register with theirs, and recommendations with
 * their outcomes. The skill tables let matching prefilter in SQL (seekers sharing a skill with a
 * job) before scoring the few candidates. Every table carries district_code; jobs, seekers and
 * recommendations also the region_code scope filters on.
 */
export async function up(db: Kysely<unknown>, { timestamp, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('enterprise_contacts')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('enterprise_id', 'varchar(36)', (c) => c.notNull().references('enterprises.id'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_contacts_pk', ['user_id', 'enterprise_id'])
    .execute();
  await db.schema
    .createIndex('enterprise_contacts_enterprise')
    .on('enterprise_contacts')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** Where the work is (a community, grid or building of the district). */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('enterprise_id', 'varchar(36)', (c) => c.notNull().references('enterprises.id'))
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('openings', 'integer', (c) => c.notNull())
    /** Hires recorded against the openings; the job is filled when they meet. */
    .addColumn('filled', 'integer', (c) => c.notNull())
    /** JSON array of the skills, as also kept one per row in job_skills. */
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('education', 'varchar(12)', (c) => c.notNull())
    .addColumn('salary_min_fen', 'integer', (c) => c.notNull())
    .addColumn('salary_max_fen', 'integer', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
    /** 公益性岗位: a public-service job funded for people hard to place. */
    .addColumn('public_service', 'integer', (c) => c.notNull())
    /** open · filled · closed (expiry is read from valid_until, not stored). */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_region').on('jobs').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('jobs_enterprise').on('jobs').columns(['enterprise_id', 'id']).execute();
  await db.schema
    .createIndex('jobs_open')
    .on('jobs')
    .columns(['district_code', 'status', 'valid_until'])
    .execute();

  await db.schema
    .createTable('job_skills')
    .addColumn('job_id', 'varchar(36)', (c) => c.notNull().references('jobs.id'))
    .addColumn('skill', 'varchar(30)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_skills_pk', ['job_id', 'skill'])
    .execute();
  await db.schema
    .createIndex('job_skills_skill')
    .on('job_skills')
    .columns(['district_code', 'skill', 'job_id'])
    .execute();

  await db.schema
    .createTable('job_seekers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The person's region when registered (their building or grid). */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('skills', 'text', (c) => c.notNull())
    /** JSON array of the kinds of work wanted (保洁, 保安, 普工 …). */
    .addColumn('wanted_jobs', 'text', (c) => c.notNull())
    .addColumn('education', 'varchar(12)', (c) => c.notNull())
    .addColumn('expected_salary_fen', 'integer')
    /** immediate · within_month · part_time. */
    .addColumn('availability', 'varchar(14)', (c) => c.notNull())
    .addColumn('case_worker_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    /** active · placed · withdrawn. */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    /** Refusals of recommended jobs without a cause; three flag the seeker for the case worker. */
    .addColumn('refusals_without_cause', 'integer', (c) => c.notNull())
    .addColumn('registered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('job_seekers_person', ['district_code', 'person_id'])
    .execute();
  await db.schema
    .createIndex('job_seekers_region')
    .on('job_seekers')
    .columns(['region_code', 'id'])
    .execute();
  if (dialect === 'postgres') {
    // A street's or community's seekers are a prefix of the region code (see 0002's persons index).
    await sql`create index job_seekers_region_prefix on job_seekers (region_code varchar_pattern_ops, id)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('job_seeker_skills')
    .addColumn('seeker_id', 'varchar(36)', (c) => c.notNull().references('job_seekers.id'))
    .addColumn('skill', 'varchar(30)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_seeker_skills_pk', ['seeker_id', 'skill'])
    .execute();
  await db.schema
    .createIndex('job_seeker_skills_skill')
    .on('job_seeker_skills')
    .columns(['district_code', 'skill', 'seeker_id'])
    .execute();

  await db.schema
    .createTable('job_recommendations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The seeker's region: the case worker's scope. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('job_id', 'varchar(36)', (c) => c.notNull().references('jobs.id'))
    .addColumn('seeker_id', 'varchar(36)', (c) => c.notNull().references('job_seekers.id'))
    .addColumn('enterprise_id', 'varchar(36)', (c) => c.notNull().references('enterprises.id'))
    /** recommended · interviewing · hired · declined · no_show · refused. */
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('interview_at', timestamp)
    /** A refusal's cause as the seeker gave it; empty for a refusal without cause. */
    .addColumn('refusal_cause', 'varchar(200)')
    .addColumn('note', 'varchar(200)', (c) => c.notNull())
    .addColumn('recommended_by', 'varchar(36)')
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('job_recommendations_pair', ['job_id', 'seeker_id'])
    .execute();
  await db.schema
    .createIndex('job_recommendations_seeker')
    .on('job_recommendations')
    .columns(['seeker_id', 'id'])
    .execute();
  await db.schema
    .createIndex('job_recommendations_enterprise')
    .on('job_recommendations')
    .columns(['enterprise_id', 'id'])
    .execute();
  await db.schema
    .createIndex('job_recommendations_region')
    .on('job_recommendations')
    .columns(['region_code', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_recommendations',
    'job_seeker_skills',
    'job_seekers',
    'job_skills',
    'jobs',
    'enterprise_contacts',
  ])
    await db.schema.dropTable(table).execute();
}
