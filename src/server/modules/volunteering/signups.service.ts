import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type ActivityRow, activitiesRepository, type ShiftRow } from './activities.repository.js';
import { codeIsValid } from './check-in-code.js';
import { newSignupRow } from './signup-row.js';
import { type SignupRow, signupsRepository } from './signups.repository.js';
import { type VolunteerSelf, volunteersOf } from './volunteer-self.js';
import type { SignupStatus } from './volunteering.tables.js';
import { type VolunteerRow, volunteersRepository } from './volunteers.repository.js';

const HOUR_MS = 3_600_000;
/** A volunteer may check in with the code from an hour before their shift until it ends. */
const EARLY_CHECK_IN_MS = HOUR_MS;

const parseSkills = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
};

/** Minutes between check-in and check-out, at least one. */
export const minutesBetween = (from: string, to: string) =>
  Math.max(1, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000));

/**
 * Sign-ups and attendance: places on a shift (open, leader approval, qualified only), the waiting
 * list that moves up when a place is freed, the cancellation cut-off, the collision check against
 * the volunteer's other sign-ups, check-in and out by the leader or by the rotating code, walk-ins
 * and no-shows.
 */
export class SignupsService {
  constructor(private readonly ctx: ServiceContext) {}

  private get dialect() {
    return this.ctx.database.dialect;
  }

  /** The leader signs a volunteer of the district up (an approval-mode place is confirmed at once). */
  async signUpByLeader(
    scope: Scope,
    activityId: string,
    input: { shiftId: string; volunteerId: string },
    actor: AuditActor,
  ): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const activity = await activitiesRepository.findInScope(trx, scope, activityId);
      if (!activity) throw notFound('volunteer.activity_not_found');
      const volunteer = await volunteersRepository.findInScope(trx, scope, input.volunteerId);
      if (!volunteer) throw fieldError('volunteerId', 'volunteer.not_found');
      return this.place(trx, activity, input.shiftId, volunteer, { byLeader: true }, actor);
    });
  }

  /**
   * A member or resident signs themself up, as the volunteer of the activity's team or else of
   * another team of the district.
   */
  async signUpSelf(self: VolunteerSelf, input: { activityId: string; shiftId: string }): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const mine = await volunteersOf(trx, self);
      if (mine.length === 0) throw notFound('volunteer.no_volunteer_record');
      // Unscoped: an activity is open to the volunteers of its district; others get 404.
      const activity = await activitiesRepository.viewUnscoped(trx, input.activityId);
      const volunteer =
        activity &&
        (mine.find((v) => v.team_id === activity.team_id) ??
          mine.find((v) => v.district_code === activity.district_code));
      if (!activity || !volunteer) throw notFound('volunteer.activity_not_found');
      return this.place(trx, activity, input.shiftId, volunteer, { byLeader: false }, self.actor);
    });
  }

  private async place(
    trx: Executor,
    activity: ActivityRow,
    shiftId: string,
    volunteer: VolunteerRow,
    how: { byLeader: boolean },
    actor: AuditActor,
  ): Promise<SignupRow> {
    const now = this.ctx.now().toISOString();
    if (activity.status !== 'open') throw conflict('volunteer.activity_closed');
    if (volunteer.status !== 'active') throw conflict('volunteer.inactive');
    const shift = await activitiesRepository.shiftForUpdate(trx, this.dialect, activity.id, shiftId);
    if (!shift) throw fieldError('shiftId', 'volunteer.shift_not_found');
    if (shift.starts_at <= now) throw conflict('volunteer.shift_started');
    await this.checkFree(trx, volunteer, shift);
    if (activity.signup_mode === 'qualified') {
      const held = new Set(parseSkills(volunteer.skills));
      const missing = parseSkills(shift.skills).filter((skill) => !held.has(skill));
      if (missing.length > 0) throw conflict('volunteer.not_qualified', { skills: missing.join('、') });
    }
    const taken =
      (await signupsRepository.countOnShift(trx, shift.id, 'confirmed')) +
      (await signupsRepository.countOnShift(trx, shift.id, 'pending'));
    const status: SignupStatus =
      taken >= shift.needed
        ? 'waitlisted'
        : activity.signup_mode === 'approval' && !how.byLeader
          ? 'pending'
          : 'confirmed';
    const row = newSignupRow(activity, shift, volunteer, {
      status,
      walkIn: false,
      checkedInAt: null,
      at: now,
    });
    await signupsRepository.insert(trx, row);
    await this.ctx.audit.append(trx, actor, {
      action: 'volunteer.signed_up',
      targetType: 'volunteer_signup',
      targetId: row.id,
      regionCode: activity.region_code,
      summary: { activityId: activity.id, shiftId: shift.id, volunteerId: volunteer.id, status },
    });
    return row;
  }

  /** Not on this shift already, and no other commitment of the same person at the same time. */
  private async checkFree(trx: Executor, volunteer: VolunteerRow, shift: ShiftRow): Promise<void> {
    if (await signupsRepository.ofVolunteerOnShift(trx, volunteer.id, shift.id)) {
      throw conflict('volunteer.already_signed_up');
    }
    // The same person may volunteer in several teams: their commitments in all of them count.
    const records = await volunteersRepository.ofPersonAll(trx, volunteer.person_id);
    const clash = await signupsRepository.overlapping(trx, records, shift.starts_at, shift.ends_at);
    if (clash) throw conflict('volunteer.collision', { title: clash.title });
  }

  async decide(
    scope: Scope,
    id: string,
    decision: 'confirm' | 'reject',
    actor: AuditActor,
  ): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const signup = await signupsRepository.findInScope(trx, scope, id);
      if (!signup) throw notFound('volunteer.signup_not_found');
      if (signup.status !== 'pending') throw conflict('volunteer.not_pending');
      const status = decision === 'confirm' ? 'confirmed' : 'rejected';
      const at = this.ctx.now().toISOString();
      await signupsRepository.update(trx, id, { status, updated_at: at });
      if (status === 'rejected') await this.moveUp(trx, signup, actor);
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.signup_decided',
        targetType: 'volunteer_signup',
        targetId: id,
        regionCode: signup.region_code,
        summary: { decision },
      });
      return { ...signup, status, updated_at: at };
    });
  }

  /** The leader cancels in scope; a volunteer cancels their own sign-up (before the cut-off). */
  async cancelByLeader(scope: Scope, id: string, actor: AuditActor): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const signup = await signupsRepository.findInScope(trx, scope, id);
      if (!signup) throw notFound('volunteer.signup_not_found');
      return this.cancel(trx, signup, { enforceCutoff: false }, actor);
    });
  }

  async cancelOwn(self: VolunteerSelf, id: string): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const mine = await volunteersOf(trx, self);
      const signup = await signupsRepository.ofVolunteersUnscoped(
        trx,
        id,
        mine.map((v) => v.id),
      );
      if (!signup) throw notFound('volunteer.signup_not_found');
      return this.cancel(trx, signup, { enforceCutoff: true }, self.actor);
    });
  }

  private async cancel(
    trx: Executor,
    signup: SignupRow,
    options: { enforceCutoff: boolean },
    actor: AuditActor,
  ): Promise<SignupRow> {
    if (!['pending', 'confirmed', 'waitlisted'].includes(signup.status) || signup.checked_in_at) {
      throw conflict('volunteer.not_cancellable');
    }
    const activity = (await activitiesRepository.viewUnscoped(trx, signup.activity_id))!;
    const now = this.ctx.now().getTime();
    const holdsPlace = signup.status !== 'waitlisted';
    if (options.enforceCutoff && holdsPlace) {
      if (Date.parse(signup.starts_at) <= now) throw conflict('volunteer.shift_started');
      if (Date.parse(signup.starts_at) - activity.cancel_cutoff_hours * HOUR_MS <= now) {
        throw conflict('volunteer.cancel_cutoff', { hours: activity.cancel_cutoff_hours });
      }
    }
    const at = new Date(now).toISOString();
    await signupsRepository.update(trx, signup.id, { status: 'cancelled', updated_at: at });
    const promoted = holdsPlace ? await this.moveUp(trx, signup, actor) : undefined;
    await this.ctx.audit.append(trx, actor, {
      action: 'volunteer.signup_cancelled',
      targetType: 'volunteer_signup',
      targetId: signup.id,
      regionCode: signup.region_code,
      summary: { promoted: promoted ?? null },
    });
    return { ...signup, status: 'cancelled', updated_at: at };
  }

  /** A place was freed: the first on the waiting list takes it (awaiting approval in approval mode). */
  private async moveUp(trx: Executor, freed: SignupRow, actor: AuditActor): Promise<string | undefined> {
    if (Date.parse(freed.starts_at) <= this.ctx.now().getTime()) return undefined;
    const next = await signupsRepository.firstWaiting(trx, freed.shift_id);
    if (!next) return undefined;
    const activity = (await activitiesRepository.viewUnscoped(trx, freed.activity_id))!;
    const status = activity.signup_mode === 'approval' ? 'pending' : 'confirmed';
    await signupsRepository.update(trx, next.id, { status, updated_at: this.ctx.now().toISOString() });
    await this.ctx.audit.append(trx, actor, {
      action: 'volunteer.signed_up',
      targetType: 'volunteer_signup',
      targetId: next.id,
      regionCode: next.region_code,
      summary: { movedUpFrom: 'waitlisted', status },
    });
    return next.id;
  }

  /** Check-in, check-out or no-show, recorded by the leader. */
  async attendance(
    scope: Scope,
    id: string,
    action: 'check_in' | 'check_out' | 'no_show',
    actor: AuditActor,
  ): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const signup = await signupsRepository.findInScope(trx, scope, id);
      if (!signup) throw notFound('volunteer.signup_not_found');
      return this.record(trx, signup, action, 'leader', actor);
    });
  }

  /** The volunteer typed or scanned the code on the leader's phone. */
  async checkInWithCode(
    self: VolunteerSelf,
    input: { activityId: string; code: string; action: 'check_in' | 'check_out' },
  ): Promise<SignupRow> {
    const now = this.ctx.now();
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const mine = await volunteersOf(trx, self);
      if (mine.length === 0) throw notFound('volunteer.no_volunteer_record');
      // Unscoped: the volunteer's own sign-ups decide, below.
      const activity = await activitiesRepository.viewUnscoped(trx, input.activityId);
      if (!activity || !mine.some((v) => v.district_code === activity.district_code)) {
        throw notFound('volunteer.activity_not_found');
      }
      if (!codeIsValid(this.ctx.crypto, activity.id, input.code, now)) {
        throw new DomainError('volunteer.code_invalid', 400, {}, [
          { path: 'code', code: 'volunteer.code_invalid' },
        ]);
      }
      const candidates = (await signupsRepository.ofActivity(trx, activity.id)).filter(
        (s) =>
          mine.some((v) => v.id === s.volunteer_id) &&
          s.status === 'confirmed' &&
          Date.parse(s.starts_at) - EARLY_CHECK_IN_MS <= now.getTime() &&
          (input.action === 'check_out' || Date.parse(s.ends_at) > now.getTime()),
      );
      // Checking out: the shift checked in and not yet out; checking in: the earliest current one.
      const signup =
        input.action === 'check_out'
          ? (candidates.find((s) => s.checked_in_at && !s.checked_out_at) ?? candidates[0])
          : (candidates.find((s) => !s.checked_in_at) ?? candidates[0]);
      if (!signup) throw conflict('volunteer.no_signup_here');
      return this.record(trx, signup, input.action, 'code', self.actor);
    });
  }

  private async record(
    trx: Executor,
    signup: SignupRow,
    action: 'check_in' | 'check_out' | 'no_show',
    by: 'leader' | 'code',
    actor: AuditActor,
  ): Promise<SignupRow> {
    const at = this.ctx.now().toISOString();
    let changes: Partial<SignupRow>;
    if (signup.confirmed_at) throw conflict('volunteer.already_confirmed');
    if (action === 'check_in') {
      if (signup.status !== 'confirmed') throw conflict('volunteer.not_confirmed');
      if (signup.checked_in_at) throw conflict('volunteer.already_checked_in');
      changes = { checked_in_at: at, no_show: 0 };
    } else if (action === 'check_out') {
      if (!signup.checked_in_at) throw conflict('volunteer.not_checked_in');
      if (signup.checked_out_at) throw conflict('volunteer.already_checked_out');
      changes = { checked_out_at: at, minutes: minutesBetween(signup.checked_in_at, at) };
    } else {
      if (signup.status !== 'confirmed') throw conflict('volunteer.not_confirmed');
      if (signup.checked_in_at) throw conflict('volunteer.checked_in_not_no_show');
      changes = { no_show: 1 };
    }
    await signupsRepository.update(trx, signup.id, { ...changes, updated_at: at });
    await this.ctx.audit.append(trx, actor, {
      action: 'volunteer.attendance',
      targetType: 'volunteer_signup',
      targetId: signup.id,
      regionCode: signup.region_code,
      summary: { action, by },
    });
    return { ...signup, ...changes, updated_at: at };
  }

  /** Someone of the district turned up without signing up: a confirmed place, checked in now. */
  async walkIn(
    scope: Scope,
    activityId: string,
    input: { shiftId: string; volunteerId: string },
    actor: AuditActor,
  ): Promise<SignupRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const activity = await activitiesRepository.findInScope(trx, scope, activityId);
      if (!activity) throw notFound('volunteer.activity_not_found');
      if (activity.status !== 'open') throw conflict('volunteer.activity_closed');
      const volunteer = await volunteersRepository.findInScope(trx, scope, input.volunteerId);
      if (!volunteer) throw fieldError('volunteerId', 'volunteer.not_found');
      if (volunteer.status !== 'active') throw conflict('volunteer.inactive');
      const shift = await activitiesRepository.shiftForUpdate(trx, this.dialect, activity.id, input.shiftId);
      if (!shift) throw fieldError('shiftId', 'volunteer.shift_not_found');
      await this.checkFree(trx, volunteer, shift);
      const at = this.ctx.now().toISOString();
      const row = newSignupRow(activity, shift, volunteer, {
        status: 'confirmed',
        walkIn: true,
        checkedInAt: at,
        at,
      });
      await signupsRepository.insert(trx, row);
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.walk_in',
        targetType: 'volunteer_signup',
        targetId: row.id,
        regionCode: activity.region_code,
        summary: { activityId: activity.id, shiftId: shift.id, volunteerId: volunteer.id },
      });
      return row;
    });
  }
}
