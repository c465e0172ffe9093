import type { z } from 'zod';
import type { bulkHoursBody, confirmHoursBody } from '../../../shared/api/volunteering.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { rollupsRepository } from '../cockpit/index.js';
import { type ActivityRow, activitiesRepository } from './activities.repository.js';
import { newSignupRow } from './signup-row.js';
import { type SignupRow, signupsRepository } from './signups.repository.js';
import { type CreditConfirmedMinutes, creditConfirmedHours } from './volunteer-hours-credit.js';
import { volunteersRepository } from './volunteers.repository.js';

/**
 * Hours: the leader confirms the minutes computed from check-in and out (or corrects them), or
 * enters them after the fact from a paper sheet. Confirming credits the time bank and the
 * cockpit's volunteer-hours counter in the same transaction; a sign-up is confirmed once.
 */
export class HoursService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly credit: CreditConfirmedMinutes,
  ) {}

  async confirm(
    scope: Scope,
    activityId: string,
    input: z.output<typeof confirmHoursBody>,
    actor: AuditActor,
  ): Promise<SignupRow[]> {
    const { db } = this.ctx.database;
    return db.transaction().execute(async (trx) => {
      const activity = await activitiesRepository.findInScope(trx, scope, activityId);
      if (!activity) throw notFound('volunteer.activity_not_found');
      const done: SignupRow[] = [];
      for (const [i, item] of input.items.entries()) {
        // A sign-up of another activity is as good as none (the activity named in the path decides).
        const signup = await signupsRepository.findInScope(trx, scope, item.signupId);
        if (!signup || signup.activity_id !== activity.id) {
          throw fieldError(`items.${i}.signupId`, 'volunteer.signup_not_found');
        }
        if (signup.confirmed_at) throw conflict('volunteer.already_confirmed');
        if (signup.no_show) throw fieldError(`items.${i}.signupId`, 'volunteer.no_show_has_no_hours');
        if (signup.status !== 'confirmed') throw fieldError(`items.${i}.signupId`, 'volunteer.not_confirmed');
        const minutes = item.minutes ?? (signup.checked_out_at ? signup.minutes : null);
        if (!minutes) throw fieldError(`items.${i}.minutes`, 'volunteer.no_minutes');
        done.push(
          await this.settle(
            trx,
            activity,
            signup,
            { minutes, rating: item.rating, remark: item.remark },
            actor,
          ),
        );
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.hours_confirmed',
        targetType: 'volunteer_activity',
        targetId: activity.id,
        regionCode: activity.region_code,
        summary: { signups: done.length, minutes: done.reduce((sum, s) => sum + (s.minutes ?? 0), 0) },
      });
      return done;
    });
  }

  async bulk(
    scope: Scope,
    activityId: string,
    input: z.output<typeof bulkHoursBody>,
    actor: AuditActor,
  ): Promise<SignupRow[]> {
    const { db } = this.ctx.database;
    const now = this.ctx.now().toISOString();
    return db.transaction().execute(async (trx) => {
      const activity = await activitiesRepository.findInScope(trx, scope, activityId);
      if (!activity) throw notFound('volunteer.activity_not_found');
      const done: SignupRow[] = [];
      for (const [i, entry] of input.entries.entries()) {
        const shift = await activitiesRepository.shiftForUpdate(
          trx,
          this.ctx.database.dialect,
          activity.id,
          entry.shiftId,
        );
        if (!shift) throw fieldError(`entries.${i}.shiftId`, 'volunteer.shift_not_found');
        if (shift.starts_at > now) throw fieldError(`entries.${i}.shiftId`, 'volunteer.shift_not_started');
        const volunteer = await volunteersRepository.findInScope(trx, scope, entry.volunteerId);
        if (!volunteer) throw fieldError(`entries.${i}.volunteerId`, 'volunteer.not_found');
        let signup = await signupsRepository.ofVolunteerOnShift(trx, volunteer.id, shift.id);
        if (signup?.confirmed_at) throw conflict('volunteer.already_confirmed');
        if (!signup) {
          signup = newSignupRow(activity, shift, volunteer, {
            status: 'confirmed',
            walkIn: true,
            checkedInAt: null,
            at: now,
          });
          await signupsRepository.insert(trx, signup);
        }
        done.push(
          await this.settle(trx, activity, { ...signup, status: 'confirmed', no_show: 0 }, entry, actor),
        );
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.hours_entered',
        targetType: 'volunteer_activity',
        targetId: activity.id,
        regionCode: activity.region_code,
        summary: { entries: done.length, minutes: done.reduce((sum, s) => sum + (s.minutes ?? 0), 0) },
      });
      return done;
    });
  }

  /** Confirms one sign-up's minutes, credits them and counts them, in the caller's transaction. */
  private async settle(
    trx: Executor,
    activity: ActivityRow,
    signup: SignupRow,
    what: { minutes: number; rating?: number | undefined; remark?: string | undefined },
    actor: AuditActor,
  ): Promise<SignupRow> {
    const at = this.ctx.now().toISOString();
    const changes = {
      status: 'confirmed' as const,
      no_show: 0,
      minutes: what.minutes,
      confirmed_at: at,
      confirmed_by: actor.id ?? null,
      rating: what.rating ?? signup.rating,
      remark: what.remark ?? signup.remark,
      updated_at: at,
    };
    await signupsRepository.update(trx, signup.id, changes);
    const volunteer = (await volunteersRepository.viewUnscoped(trx, signup.volunteer_id))!;
    await creditConfirmedHours(this.credit, trx, {
      teamId: activity.team_id,
      personId: volunteer.person_id,
      minutes: what.minutes,
      signupId: signup.id,
    });
    await rollupsRepository.bump(trx, activity.region_code, [
      { period: beijingMonth(signup.starts_at), counter: 'vol.minutes', value: what.minutes },
    ]);
    return { ...signup, ...changes };
  }
}
