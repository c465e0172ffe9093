import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Person } from '../../db/tables.js';
import type { VolunteerRecordEntryTable, VolunteerStatus, VolunteerTable } from './volunteering.tables.js';

export type VolunteerRow = Selectable<VolunteerTable>;
export type RecordEntry = Selectable<VolunteerRecordEntryTable>;
export type VolunteerView = VolunteerRow & {
  team_name: string;
  name: string;
  name_pinyin: string;
  gender: 'male' | 'female';
  id_number_enc: string;
  phone_enc: string | null;
  person_status: Person['status'];
  confirmed_minutes: number;
  services: number;
  no_shows: number;
};

const viewQuery = (db: Executor) =>
  db
    .selectFrom('volunteers as v')
    .innerJoin('organizations as t', (join) =>
      join.onRef('t.id', '=', 'v.team_id').onRef('t.district_code', '=', 'v.district_code'),
    )
    .innerJoin('persons as p', (join) =>
      join.onRef('p.id', '=', 'v.person_id').onRef('p.district_code', '=', 'v.district_code'),
    )
    .selectAll('v')
    .select((eb) => [
      't.name as team_name',
      'p.name',
      'p.name_pinyin',
      'p.gender',
      'p.id_number_enc',
      'p.phone_enc',
      'p.status as person_status',
      eb
        .selectFrom('volunteer_signups as s')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('s.minutes'), sub.lit(0)).as('m'))
        .whereRef('s.volunteer_id', '=', 'v.id')
        .whereRef('s.district_code', '=', 'v.district_code')
        .where('s.confirmed_at', 'is not', null)
        .as('confirmed_minutes'),
      eb
        .selectFrom('volunteer_signups as s')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('s.volunteer_id', '=', 'v.id')
        .whereRef('s.district_code', '=', 'v.district_code')
        .where('s.confirmed_at', 'is not', null)
        .as('services'),
      eb
        .selectFrom('volunteer_signups as s')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('s.volunteer_id', '=', 'v.id')
        .whereRef('s.district_code', '=', 'v.district_code')
        .where('s.no_show', '=', 1)
        .as('no_shows'),
    ]);

type RawView = Omit<VolunteerView, 'confirmed_minutes' | 'services' | 'no_shows'> & {
  confirmed_minutes: unknown;
  services: unknown;
  no_shows: unknown;
};
const toView = (row: RawView): VolunteerView => ({
  ...row,
  confirmed_minutes: Number(row.confirmed_minutes ?? 0),
  services: Number(row.services ?? 0),
  no_shows: Number(row.no_shows ?? 0),
});

/** Volunteers and their record entries (培训, 表彰). Only this file touches those tables. */
export const volunteersRepository = {
  insert: async (db: Executor, row: Insertable<VolunteerTable>): Promise<void> => {
    await db.insertInto('volunteers').values(row).execute();
  },

  /** Scope over the team's region (copied onto the volunteer). */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<VolunteerRow | undefined> =>
    db
      .selectFrom('volunteers')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('volunteers.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads a volunteer back after a scoped check or a write. */
  viewUnscoped: async (db: Executor, id: string): Promise<VolunteerView | undefined> => {
    const row = await viewQuery(db).where('v.id', '=', id).executeTakeFirst();
    return row ? toView(row) : undefined;
  },

  list: async (
    db: Executor,
    scope: Scope,
    filter: { team?: string | undefined; q?: string | undefined; after?: string | undefined; limit: number },
  ): Promise<VolunteerView[]> => {
    let query = viewQuery(db).where(scope.covers('v.region_code'));
    if (filter.team) query = query.where('v.team_id', '=', filter.team);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([eb('p.name', 'like', `%${q}%`), eb('p.name_pinyin', 'like', `${q.toLowerCase()}%`)]),
      );
    }
    if (filter.after) query = query.where('v.id', '>', filter.after);
    const rows = await query
      .orderBy('v.id')
      .limit(filter.limit + 1)
      .execute();
    return rows.map(toView);
  },

  /** The volunteer records of the person a staff account is linked to (through members.user_id). */
  ofUser: async (db: Executor, userId: string): Promise<VolunteerView[]> => {
    const rows = await viewQuery(db)
      .where('v.person_id', 'in', (eb) =>
        eb.selectFrom('members').select('members.person_id').where('members.user_id', '=', userId),
      )
      .orderBy('v.joined_on')
      .orderBy('v.id')
      .execute();
    return rows.map(toView);
  },

  /**
   * The volunteer records of a resident of the portal: those of the register person their phone
   * was linked to, while that person is active (the portal's own rule for a linked resident).
   */
  ofActivePerson: async (db: Executor, personId: string): Promise<VolunteerView[]> => {
    const rows = await viewQuery(db)
      .where('v.person_id', '=', personId)
      .where('p.status', '=', 'active')
      .orderBy('v.joined_on')
      .orderBy('v.id')
      .execute();
    return rows.map(toView);
  },

  /** Every volunteer record of one person (they may serve in several teams). */
  ofPersonAll: async (db: Executor, personId: string): Promise<string[]> =>
    (await db.selectFrom('volunteers').select('id').where('person_id', '=', personId).execute()).map(
      (row) => row.id,
    ),

  ofPersonInTeam: (db: Executor, teamId: string, personId: string) =>
    db
      .selectFrom('volunteers')
      .select('id')
      .where('team_id', '=', teamId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),

  update: async (
    db: Executor,
    id: string,
    changes: { skills?: string; status?: VolunteerStatus; updated_at: string },
  ): Promise<void> => {
    await db.updateTable('volunteers').set(changes).where('id', '=', id).execute();
  },

  insertEntry: async (db: Executor, row: Insertable<VolunteerRecordEntryTable>): Promise<void> => {
    await db.insertInto('volunteer_record_entries').values(row).execute();
  },

  entries: (db: Executor, volunteerId: string): Promise<RecordEntry[]> =>
    db
      .selectFrom('volunteer_record_entries')
      .selectAll()
      .where('volunteer_id', '=', volunteerId)
      .orderBy('on_date', 'desc')
      .orderBy('id')
      .execute(),

  /**
   * Unscoped by design: a team may enrol a resident who lives outside the team's own region (a
   * 驻区单位's team serves the whole street); the service keeps it to the team's district.
   */
  personUnscoped: (db: Executor, personId: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'district_code', 'status'])
      .where('id', '=', personId)
      .executeTakeFirst(),

  memberOfPerson: (db: Executor, personId: string) =>
    db
      .selectFrom('members')
      .select('id')
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
};
