import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Satisfaction surveys (群众满意度测评, issue 14): questionnaires per region, a sample drawn from
 * the register or from closed orders in strata by grid, and the answers. Every table carries
 * district_code; the scoped ones a region_code.
 *
 * Anonymity (docs/architecture.md, "Satisfaction surveys"): `survey_responses` and
 * `survey_answers` hold no person, no sample row and no time in an anonymous survey. Their keys
 * are random (UUIDv4, not the time-ordered v7 used elsewhere), and on SQLite both tables are
 * WITHOUT ROWID, so rows are stored in the order of those random keys rather than the order they
 * came in.
 */
export async function up(db: Kysely<unknown>, { timestamp, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(1000)', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)')
    .addColumn('period_to', 'varchar(10)')
    .addColumn('sample_size', 'integer', (c) => c.notNull())
    .addColumn('reserve_percent', 'integer', (c) => c.notNull())
    .addColumn('contact_window_days', 'integer', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('satisfaction_question_id', 'varchar(36)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('capped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('drawn_at', timestamp)
    .addColumn('closed_at', timestamp)
    .execute();
  await db.schema.createIndex('surveys_region').on('surveys').columns(['region_code', 'id']).execute();
  await db.schema
    .createIndex('surveys_district')
    .on('surveys')
    .columns(['district_code', 'status'])
    .execute();

  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('surveys.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('text', 'varchar(300)', (c) => c.notNull())
    /** JSON array of the options' labels. */
    .addColumn('options', 'varchar(2000)', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_questions_survey')
    .on('survey_questions')
    .columns(['survey_id', 'position'])
    .execute();

  await db.schema
    .createTable('survey_strata')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('surveys.id'))
    /** The grid (or the coarser place of residents filed above any grid). */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('reserves', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_strata_pk', ['survey_id', 'region_code'])
    .execute();

  await db.schema
    .createTable('survey_sample')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('surveys.id'))
    /** Where the person lives (or the order's place): what scope filters on. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('stratum_code', 'varchar(20)', (c) => c.notNull())
    /** 1.. within the stratum: the first `quota` are the sample, the rest reserves in this order. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reserve', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)')
    .addColumn('work_order_id', 'varchar(36)')
    /** The phone's blind index: the portal shows the survey to a resident signed in with it. */
    .addColumn('phone_bidx', 'varchar(64)')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** When the resident was first asked (drawn into the sample, or a reserve brought in): the contact cap counts it. */
    .addColumn('contacted_at', timestamp)
    .addColumn('texted', 'integer', (c) => c.notNull().defaultTo(0))
    /** The Beijing day of the outcome, no finer: an anonymous answer must not be matched to it by time. */
    .addColumn('outcome_on', 'varchar(10)')
    .execute();
  await db.schema
    .createIndex('survey_sample_survey')
    .on('survey_sample')
    .columns(['survey_id', 'stratum_code', 'position'])
    .execute();
  await db.schema
    .createIndex('survey_sample_person')
    .on('survey_sample')
    .columns(['person_id', 'contacted_at'])
    .execute();
  await db.schema
    .createIndex('survey_sample_phone')
    .on('survey_sample')
    .columns(['phone_bidx', 'contacted_at'])
    .execute();

  // No person, no sample row, no time: see the comment at the top.
  let responses = db.schema
    .createTable('survey_responses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('surveys.id'))
    /** The stratum (a grid): results roll up from it. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    /** The satisfaction question's value (1–5), kept here so results count one table. */
    .addColumn('satisfaction', 'integer')
    /** Only in a survey that is not anonymous. */
    .addColumn('sample_id', 'varchar(36)');
  if (dialect === 'sqlite') responses = responses.modifyEnd(sql`without rowid`);
  await responses.execute();
  await db.schema
    .createIndex('survey_responses_survey')
    .on('survey_responses')
    .columns(['survey_id', 'region_code'])
    .execute();

  let answers = db.schema
    .createTable('survey_answers')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('response_id', 'varchar(36)', (c) => c.notNull().references('survey_responses.id'))
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull())
    /** An option's index, the scale value, or -1 for a text answer. */
    .addColumn('choice', 'integer', (c) => c.notNull())
    .addColumn('text', 'varchar(1000)')
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'question_id', 'choice']);
  if (dialect === 'sqlite') answers = answers.modifyEnd(sql`without rowid`);
  await answers.execute();
  await db.schema
    .createIndex('survey_answers_question')
    .on('survey_answers')
    .columns(['survey_id', 'question_id', 'choice'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'survey_answers',
    'survey_responses',
    'survey_sample',
    'survey_strata',
    'survey_questions',
    'surveys',
  ])
    await db.schema.dropTable(table).execute();
}
