import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/** The resident and household register, with protected personal data and import jobs. */
export const PERSON_TAGS = [
  '独居老人',
  '空巢老人',
  '低保户',
  '特困',
  '残疾人',
  '失地农民',
  '下岗失业',
  '退役军人',
  '留守儿童',
  '重点关爱',
];

export async function up(db: Kysely<unknown>, { timestamp, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  for (const [index, name] of PERSON_TAGS.entries()) {
    await sql`insert into tags (code, name, sort, created_at) values (${`t${String(index + 1).padStart(2, '0')}`}, ${name}, ${index + 1}, ${now})`.execute(
      db,
    );
  }

  await db.schema
    .createTable('households')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The building (or, without buildings, the grid) the household lives in. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('grid_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('unit', 'varchar(10)', (c) => c.notNull().defaultTo(''))
    .addColumn('floor', 'integer')
    .addColumn('room', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    /** For households without a building: where they live, also the key that groups them. */
    .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('head_person_id', 'varchar(36)')
    .addColumn('overview', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  // One household per place: building + unit + room, or grid + address.
  await db.schema
    .createIndex('households_place')
    .on('households')
    .columns(['region_code', 'unit', 'room', 'address'])
    .unique()
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    // Null for the minimal record of someone living outside the district (a member registered here).
    .addColumn('household_id', 'varchar(36)', (c) => c.references('households.id'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('name_pinyin', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_initials', 'varchar(50)', (c) => c.notNull())
    .addColumn('gender', 'varchar(6)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('ethnicity', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('relation', 'varchar(10)', (c) => c.notNull())
    .addColumn('id_number_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('id_number_bidx', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('phone_enc', 'varchar(200)')
    .addColumn('phone_bidx', 'varchar(32)')
    .addColumn('phone_last4_bidx', 'varchar(32)')
    .addColumn('registered_address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('current_address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** A hash of the imported fields: re-importing an unchanged row is recognized without decrypting. */
    .addColumn('row_hash', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  // Keyset pages in scope: (region_code, id) is both the scope prefix and the page order.
  await db.schema.createIndex('persons_region_id').on('persons').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('persons_household').on('persons').column('household_id').execute();
  // One index serves both phone searches: a whole number is looked up by its last four digits
  // (about a hundred people share them in a million) and then matched exactly.
  await db.schema.createIndex('persons_phone_last4').on('persons').column('phone_last4_bidx').execute();
  if (dialect === 'postgres') {
    await sql`create index persons_region_prefix on persons (region_code varchar_pattern_ops, id)`.execute(
      db,
    );
    await sql`create index persons_initials on persons (name_initials varchar_pattern_ops)`.execute(db);
    await sql`create index persons_pinyin on persons (name_pinyin varchar_pattern_ops)`.execute(db);
  } else {
    await db.schema.createIndex('persons_initials').on('persons').column('name_initials').execute();
    await db.schema.createIndex('persons_pinyin').on('persons').column('name_pinyin').execute();
  }

  await db.schema
    .createTable('person_tags')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('tag_code', 'varchar(32)', (c) => c.notNull().references('tags.code'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_tags_pk', ['person_id', 'tag_code'])
    .execute();
  await db.schema
    .createIndex('person_tags_tag')
    .on('person_tags')
    .columns(['tag_code', 'person_id'])
    .execute();

  await db.schema
    .createTable('health_records')
    .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    /** Encrypted JSON: conditions, doctor contact, last check-up. */
    .addColumn('record_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('residence_moves')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('from_region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('to_region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_household_id', 'varchar(36)')
    .addColumn('to_household_id', 'varchar(36)')
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('residence_moves_subject')
    .on('residence_moves')
    .columns(['subject_id', 'at'])
    .execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('skip_invalid', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invalid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_file', 'varchar(300)')
    .addColumn('message', 'text')
    .addColumn('started_at', timestamp, (c) => c.notNull())
    .addColumn('finished_at', timestamp)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'import_jobs',
    'residence_moves',
    'health_records',
    'person_tags',
    'persons',
    'households',
    'tags',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
