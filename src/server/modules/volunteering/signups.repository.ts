import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { SignupStatus, VolunteerSignupTable } from './volunteering.tables.js';

export type SignupRow = Selectable<VolunteerSignupTable>;
export type SignupView = SignupRow & { volunteer_name: string };
export type ServiceView = SignupRow & {
  activity_title: string;
  area: string;
  role: string;
  /** 1-based place on the shift's waiting list (the order it moves up in); null when not waiting. */
  waitlist_position: number | null;
};

/** A waiting sign-up's place: those waiting on its shift since before it, and itself. */
const waitlistPosition = sql<number | null>`case when s.status = 'waitlisted' then (
  select count(*) from volunteer_signups w
  where w.shift_id = s.shift_id and w.district_code = s.district_code and w.status = 'waitlisted'
    and (w.created_at < s.created_at or (w.created_at = s.created_at and w.id <= s.id))) end`;

/** Sign-ups that hold a volunteer's time (the collision check) or a place on a shift. */
const HOLDING: SignupStatus[] = ['pending', 'confirmed', 'waitlisted'];

/** Sign-ups: places, the waiting list, attendance and hours. Only this file touches them. */
export const signupsRepository = {
  insert: async (db: Executor, row: Insertable<VolunteerSignupTable>): Promise<void> => {
    await db.insertInto('volunteer_signups').values(row).execute();
  },

  update: async (db: Executor, id: string, changes: Updateable<VolunteerSignupTable>): Promise<void> => {
    await db.updateTable('volunteer_signups').set(changes).where('id', '=', id).execute();
  },

  /** Scope over the activity's region (copied onto the sign-up). */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<SignupRow | undefined> =>
    db
      .selectFrom('volunteer_signups')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('volunteer_signups.region_code'))
      .executeTakeFirst(),

  /** Unscoped: a sign-up of one of the caller's own volunteer records, or nothing. */
  ofVolunteersUnscoped: (
    db: Executor,
    id: string,
    volunteerIds: readonly string[],
  ): Promise<SignupRow | undefined> =>
    volunteerIds.length === 0
      ? Promise.resolve(undefined)
      : db
          .selectFrom('volunteer_signups')
          .selectAll()
          .where('id', '=', id)
          .where('volunteer_id', 'in', volunteerIds)
          .executeTakeFirst(),

  /** Unscoped: the caller found the volunteer (their own, or in scope) first. */
  ofVolunteerOnShift: (db: Executor, volunteerId: string, shiftId: string): Promise<SignupRow | undefined> =>
    db
      .selectFrom('volunteer_signups')
      .selectAll()
      .where('volunteer_id', '=', volunteerId)
      .where('shift_id', '=', shiftId)
      .where('status', 'in', HOLDING)
      .executeTakeFirst(),

  /** The volunteer's other commitments that overlap [startsAt, endsAt): the collision check. */
  overlapping: (db: Executor, volunteerIds: readonly string[], startsAt: string, endsAt: string) =>
    db
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteer_activities as a', 'a.id', 's.activity_id')
      .select(['s.id', 'a.title', 's.starts_at', 's.ends_at'])
      .where('s.volunteer_id', 'in', volunteerIds)
      .where('s.status', 'in', HOLDING)
      .where('s.starts_at', '<', endsAt)
      .where('s.ends_at', '>', startsAt)
      .executeTakeFirst(),

  countOnShift: async (db: Executor, shiftId: string, status: SignupStatus): Promise<number> => {
    const row = await db
      .selectFrom('volunteer_signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shift_id', '=', shiftId)
      .where('status', '=', status)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The first on a shift's waiting list: the earliest sign-up. */
  firstWaiting: (db: Executor, shiftId: string): Promise<SignupRow | undefined> =>
    db
      .selectFrom('volunteer_signups')
      .selectAll()
      .where('shift_id', '=', shiftId)
      .where('status', '=', 'waitlisted')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst(),

  ofActivity: (db: Executor, activityId: string): Promise<SignupView[]> =>
    db
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteers as v', 'v.id', 's.volunteer_id')
      .innerJoin('persons as p', 'p.id', 'v.person_id')
      .selectAll('s')
      .select('p.name as volunteer_name')
      .where('s.activity_id', '=', activityId)
      .orderBy('s.shift_id')
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute(),

  services: async (db: Executor, volunteerIds: readonly string[]): Promise<ServiceView[]> => {
    if (volunteerIds.length === 0) return [];
    const rows = await db
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteer_activities as a', (join) =>
        join.onRef('a.id', '=', 's.activity_id').onRef('a.district_code', '=', 's.district_code'),
      )
      .innerJoin('volunteer_shifts as sh', (join) =>
        join.onRef('sh.id', '=', 's.shift_id').onRef('sh.district_code', '=', 's.district_code'),
      )
      .selectAll('s')
      .select(['a.title as activity_title', 'a.area', 'sh.role', waitlistPosition.as('waitlist_position')])
      .where('s.volunteer_id', 'in', volunteerIds)
      .orderBy('s.starts_at', 'desc')
      .orderBy('s.id')
      .limit(200)
      .execute();
    // PostgreSQL counts as bigint, which pg hands over as a string.
    return rows.map((row) => ({
      ...row,
      waitlist_position: row.waitlist_position === null ? null : Number(row.waitlist_position),
    }));
  },

  /** Confirmed service of one volunteer whose shift started within [from, to) (a certificate's content). */
  confirmedBetween: (db: Executor, volunteerId: string, from: string, to: string) =>
    db
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteer_activities as a', 'a.id', 's.activity_id')
      .select(['s.minutes', 'a.title', 'a.area'])
      .where('s.volunteer_id', '=', volunteerId)
      .where('s.confirmed_at', 'is not', null)
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .orderBy('s.starts_at')
      .execute(),
};
