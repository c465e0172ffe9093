import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type { Organization } from '../../db/tables.js';
import type { VolunteerActivityTable, VolunteerShiftTable } from './volunteering.tables.js';

export type ActivityRow = Selectable<VolunteerActivityTable>;
export type ShiftRow = Selectable<VolunteerShiftTable>;
export type ActivityView = ActivityRow & { team_name: string; no_shows: number };
export type ShiftView = ShiftRow & { confirmed: number; pending: number; waitlisted: number };
export type TeamView = Pick<Organization, 'id' | 'name' | 'region_code'> & {
  volunteers: number;
  activities: number;
  confirmed_minutes: number;
};

const activityView = (db: Executor) =>
  db
    .selectFrom('volunteer_activities as a')
    .innerJoin('organizations as t', (join) =>
      join.onRef('t.id', '=', 'a.team_id').onRef('t.district_code', '=', 'a.district_code'),
    )
    .selectAll('a')
    .select((eb) => [
      't.name as team_name',
      eb
        .selectFrom('volunteer_signups as s')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('s.activity_id', '=', 'a.id')
        .whereRef('s.district_code', '=', 'a.district_code')
        .where('s.no_show', '=', 1)
        .as('no_shows'),
    ]);

const toActivity = (row: ActivityRow & { team_name: string; no_shows: unknown }): ActivityView => ({
  ...row,
  no_shows: Number(row.no_shows ?? 0),
});

/** Teams (organizations of kind volunteer_team), activities and shifts. */
export const activitiesRepository = {
  teamInScope: (db: Executor, scope: Scope, id: string): Promise<Organization | undefined> =>
    db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .where('kind', '=', 'volunteer_team')
      .where('status', '=', 'active')
      .where(scope.covers('organizations.region_code'))
      .executeTakeFirst(),

  teams: async (
    db: Executor,
    scope: Scope,
    filter: { after?: string | undefined; limit: number },
  ): Promise<TeamView[]> => {
    let query = db
      .selectFrom('organizations as t')
      .select((eb) => [
        't.id',
        't.name',
        't.region_code',
        eb
          .selectFrom('volunteers as v')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('v.team_id', '=', 't.id')
          .whereRef('v.district_code', '=', 't.district_code')
          .where('v.status', '=', 'active')
          .as('volunteers'),
        eb
          .selectFrom('volunteer_activities as a')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('a.team_id', '=', 't.id')
          .whereRef('a.district_code', '=', 't.district_code')
          .as('activities'),
        eb
          .selectFrom('volunteer_signups as s')
          .innerJoin('volunteers as v', (join) =>
            join.onRef('v.id', '=', 's.volunteer_id').onRef('v.district_code', '=', 's.district_code'),
          )
          .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('s.minutes'), sub.lit(0)).as('m'))
          .whereRef('v.team_id', '=', 't.id')
          .whereRef('v.district_code', '=', 't.district_code')
          .where('s.confirmed_at', 'is not', null)
          .as('confirmed_minutes'),
      ])
      .where('t.kind', '=', 'volunteer_team')
      .where('t.status', '=', 'active')
      .where(scope.covers('t.region_code'));
    if (filter.after) query = query.where('t.id', '>', filter.after);
    const rows = await query
      .orderBy('t.id')
      .limit(filter.limit + 1)
      .execute();
    return rows.map((row) => ({
      ...row,
      volunteers: Number(row.volunteers ?? 0),
      activities: Number(row.activities ?? 0),
      confirmed_minutes: Number(row.confirmed_minutes ?? 0),
    }));
  },

  insertActivity: async (db: Executor, row: Insertable<VolunteerActivityTable>): Promise<void> => {
    await db.insertInto('volunteer_activities').values(row).execute();
  },

  insertShifts: async (db: Executor, rows: Insertable<VolunteerShiftTable>[]): Promise<void> => {
    await db.insertInto('volunteer_shifts').values(rows).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<ActivityRow | undefined> =>
    db
      .selectFrom('volunteer_activities')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('volunteer_activities.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads an activity back after a scoped check or a write. */
  viewUnscoped: async (db: Executor, id: string): Promise<ActivityView | undefined> => {
    const row = await activityView(db).where('a.id', '=', id).executeTakeFirst();
    return row ? toActivity(row) : undefined;
  },

  list: async (
    db: Executor,
    scope: Scope,
    filter: {
      team?: string | undefined;
      area?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<ActivityView[]> => {
    let query = activityView(db).where(scope.covers('a.region_code'));
    if (filter.team) query = query.where('a.team_id', '=', filter.team);
    if (filter.area) query = query.where('a.area', '=', filter.area);
    if (filter.after) query = query.where('a.id', '<', filter.after);
    const rows = await query
      .orderBy('a.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return rows.map(toActivity);
  },

  /** Open activities of the teams a volunteer belongs to that have not ended (the volunteer's own page). */
  openForTeams: async (db: Executor, teamIds: readonly string[], now: string): Promise<ActivityView[]> => {
    if (teamIds.length === 0) return [];
    const rows = await activityView(db)
      .where('a.team_id', 'in', teamIds)
      .where('a.status', '=', 'open')
      .where('a.ends_at', '>', now)
      .orderBy('a.starts_at')
      .limit(50)
      .execute();
    return rows.map(toActivity);
  },

  shifts: async (db: Executor, activityIds: readonly string[]): Promise<ShiftView[]> => {
    if (activityIds.length === 0) return [];
    const rows = await db
      .selectFrom('volunteer_shifts as sh')
      .selectAll('sh')
      .select((eb) =>
        (['confirmed', 'pending', 'waitlisted'] as const).map((status) =>
          eb
            .selectFrom('volunteer_signups as s')
            .select((sub) => sub.fn.countAll<number>().as('n'))
            .whereRef('s.shift_id', '=', 'sh.id')
            .whereRef('s.district_code', '=', 'sh.district_code')
            .where('s.status', '=', status)
            .as(status),
        ),
      )
      .where('sh.activity_id', 'in', activityIds)
      .orderBy('sh.starts_at')
      .orderBy('sh.id')
      .execute();
    return rows.map((row) => ({
      ...row,
      confirmed: Number(row.confirmed ?? 0),
      pending: Number(row.pending ?? 0),
      waitlisted: Number(row.waitlisted ?? 0),
    }));
  },

  /**
   * A shift of an activity, locked on PostgreSQL so that two sign-ups for its last place are
   * decided one after the other (SQLite's transactions already are).
   */
  shiftForUpdate: (
    db: Executor,
    dialect: 'sqlite' | 'postgres',
    activityId: string,
    shiftId: string,
  ): Promise<ShiftRow | undefined> => {
    const query = db
      .selectFrom('volunteer_shifts')
      .selectAll()
      .where('id', '=', shiftId)
      .where('activity_id', '=', activityId);
    return selectOneLocked(query, dialect === 'postgres');
  },

  /** Unscoped: the shift a sign-up belongs to, read after the sign-up's scoped check. */
  shiftUnscoped: (db: Executor, shiftId: string): Promise<ShiftRow | undefined> =>
    db.selectFrom('volunteer_shifts').selectAll().where('id', '=', shiftId).executeTakeFirst(),

  setStatus: async (db: Executor, id: string, status: ActivityRow['status'], at: string): Promise<void> => {
    await db
      .updateTable('volunteer_activities')
      .set({ status, updated_at: at })
      .where('id', '=', id)
      .execute();
  },
};
