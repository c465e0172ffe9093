import { type Kysely, sql } from 'kysely';
import { SEED_CALENDAR, SEED_CATEGORIES } from './0004-work-orders.seed.js';
import type { MigrationContext } from './index.js';

/**
 * Work orders (工单) and what surrounds them: the service catalogue, the working-day calendar,
 * hotlines, orders with their events and attachments, the notification outbox, resident portal
 * accounts with one-time codes, deeds (好事实事), and Open311 API keys.
 */
export async function up(db: Kysely<unknown>, { dialect, timestamp }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('service_categories')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('parent_code', 'varchar(40)', (c) => c.references('service_categories.code'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(80)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    /** Which kind of unit handles it: community, street or district (a department). */
    .addColumn('handler_kind', 'varchar(12)', (c) => c.notNull())
    /** Sign within this many working hours of dispatch. */
    .addColumn('sign_hours', 'integer', (c) => c.notNull())
    /** Resolve within this many working days of receipt; 0 means the same day (urgent). */
    .addColumn('resolve_days', 'integer', (c) => c.notNull())
    .addColumn('proxy', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON array of Open311-style attribute definitions. */
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('keywords', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  /** Exceptions to Monday–Friday: public holidays and the weekend days worked instead. */
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hotlines')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The unit the line belongs to: orders taken on it start there. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('resident_accounts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('phone_enc', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone_bidx', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('person_id', 'varchar(36)', (c) => c.references('persons.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('last_login_at', timestamp)
    .execute();

  await db.schema
    .createTable('resident_sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('resident_id', 'varchar(36)', (c) => c.notNull().references('resident_accounts.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', timestamp, (c) => c.notNull())
    .execute();

  /** One-time sign-in codes, by the phone's blind index; only a hash of the code is kept. */
  await db.schema
    .createTable('otp_codes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('phone_bidx', 'varchar(32)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('used_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('otp_codes_phone')
    .on('otp_codes')
    .columns(['phone_bidx', 'created_at'])
    .execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** Human-facing number, e.g. 20261126-0001 (Beijing date and the day's sequence). */
    .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
    /** The place the request is about: who may see the order is decided by scope over this code. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('household_id', 'varchar(36)', (c) => c.references('households.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.references('persons.id'))
    .addColumn('category_code', 'varchar(40)', (c) => c.notNull().references('service_categories.code'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('channel', 'varchar(12)', (c) => c.notNull())
    .addColumn('hotline_id', 'varchar(36)', (c) => c.references('hotlines.id'))
    .addColumn('intake_user_id', 'varchar(36)')
    .addColumn('resident_id', 'varchar(36)', (c) => c.references('resident_accounts.id'))
    .addColumn('open311_key_id', 'varchar(36)')
    .addColumn('contact_name', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone_enc', 'varchar(200)')
    .addColumn('contact_phone_bidx', 'varchar(32)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    /** The status a pending return request came from, to go back to when it is rejected. */
    .addColumn('return_from_status', 'varchar(20)')
    /** JSON of a pending extension request: { days, reason, requestedBy }. */
    .addColumn('pending_extension', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    /** The unit holding the order now, and the one that gave it to them (reviews, approves). */
    .addColumn('handler_region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('dispatcher_region_code', 'varchar(20)')
    .addColumn('assignee_user_id', 'varchar(36)')
    .addColumn('assignee_member_id', 'varchar(36)')
    .addColumn('sign_due_at', timestamp)
    .addColumn('due_at', timestamp, (c) => c.notNull())
    .addColumn('callback_due_at', timestamp)
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_region_code', 'varchar(20)')
    .addColumn('urge_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('satisfaction', 'varchar(20)')
    .addColumn('resolution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_at', timestamp)
    .addColumn('resolved_at', timestamp)
    .addColumn('closed_at', timestamp)
    /** Whether the order was closed by its deadline: decided once, at closing. */
    .addColumn('closed_on_time', 'integer')
    .addColumn('archived_at', timestamp)
    /** Bumped by every change: an action carries the version it saw, so one of two racers wins. */
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_orders_region')
    .on('work_orders')
    .columns(['region_code', 'id'])
    .execute();
  await db.schema
    .createIndex('work_orders_status_due')
    .on('work_orders')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('work_orders_assignee')
    .on('work_orders')
    .columns(['assignee_user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('work_orders_resident')
    .on('work_orders')
    .columns(['resident_id', 'id'])
    .execute();
  await db.schema
    .createIndex('work_orders_household')
    .on('work_orders')
    .columns(['household_id', 'status'])
    .execute();
  await db.schema
    .createIndex('work_orders_contact_phone')
    .on('work_orders')
    .columns(['contact_phone_bidx', 'status'])
    .execute();
  await db.schema.createIndex('work_orders_created').on('work_orders').columns(['created_at']).execute();
  if (dialect === 'postgres') {
    await sql`create index work_orders_region_prefix on work_orders (region_code varchar_pattern_ops, id)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('work_order_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON with the action's particulars (target unit, new deadline, satisfaction…). */
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_order_events_order')
    .on('work_order_events')
    .columns(['work_order_id', 'at'])
    .execute();

  await db.schema
    .createTable('work_order_attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('event_id', 'varchar(36)')
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('has_thumbnail', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_order_attachments_order')
    .on('work_order_attachments')
    .column('work_order_id')
    .execute();

  /** The outbox: a notification is a row first, sent later, retried until a provider takes it. */
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    /** A phone (encrypted) for SMS, or a user id for the in-app inbox. */
    .addColumn('recipient_phone_enc', 'varchar(200)')
    .addColumn('recipient_user_id', 'varchar(36)')
    .addColumn('template', 'varchar(40)', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('work_order_id', 'varchar(36)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', timestamp, (c) => c.notNull())
    .addColumn('last_error', 'varchar(500)')
    .addColumn('sent_at', timestamp)
    .addColumn('read_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_due')
    .on('notifications')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['recipient_user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('deeds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('work_order_id', 'varchar(36)', (c) => c.references('work_orders.id'))
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('done_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deeds_region').on('deeds').columns(['region_code', 'done_on']).execute();
  await db.schema.createIndex('deeds_member').on('deeds').columns(['member_id', 'done_on']).execute();

  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull())
    /** The unit POSTed requests enter under. */
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    /** SHA-256 of the key: the key itself is shown once, at creation. */
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('revoked_at', timestamp)
    .execute();

  const now = new Date().toISOString();
  for (const category of SEED_CATEGORIES) {
    await sql`insert into service_categories
      (code, parent_code, name, name_en, description, handler_kind, sign_hours, resolve_days, proxy, attributes, keywords, active, sort, created_at, updated_at)
      values (${category.code}, ${category.parentCode}, ${category.name}, ${category.nameEn}, ${category.description},
        ${category.handlerKind}, ${category.signHours}, ${category.resolveDays}, ${category.proxy ? 1 : 0},
        ${JSON.stringify(category.attributes)}, ${category.keywords}, 1, ${category.sort}, ${now}, ${now})`.execute(
      db,
    );
  }
  for (const day of SEED_CALENDAR) {
    await sql`insert into calendar_days (date, kind, name, updated_at) values (${day.date}, ${day.kind}, ${day.name}, ${now})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'open311_keys',
    'deeds',
    'notifications',
    'work_order_attachments',
    'work_order_events',
    'work_orders',
    'otp_codes',
    'resident_sessions',
    'resident_accounts',
    'hotlines',
    'calendar_days',
    'service_categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
