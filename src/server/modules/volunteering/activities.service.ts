import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { createActivityBody } from '../../../shared/api/volunteering.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { type ActivityView, activitiesRepository, type ShiftView } from './activities.repository.js';
import { currentCode } from './check-in-code.js';
import { type SignupView, signupsRepository } from './signups.repository.js';

/** Reads a work order the caller can see (the work-orders module's public `detail`); throws 404 otherwise. */
export type ReadWorkOrder = (principal: Principal, id: string) => Promise<unknown>;

const DAY_MS = 86_400_000;

/** Volunteer activities: created by a leader, with shifts; a work order that needs hands can open one. */
export class ActivitiesService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly readWorkOrder: ReadWorkOrder,
  ) {}

  async create(principal: Principal, input: z.output<typeof createActivityBody>): Promise<ActivityView> {
    const { db } = this.ctx.database;
    const scope = principal.scopeFor('activity.lead');
    const now = this.ctx.now();
    input.shifts.forEach((shift, i) => {
      const starts = Date.parse(shift.startsAt);
      const ends = Date.parse(shift.endsAt);
      if (ends <= starts) throw fieldError(`shifts.${i}.endsAt`, 'volunteer.shift_ends_before_start');
      if (ends - starts > DAY_MS) throw fieldError(`shifts.${i}.endsAt`, 'volunteer.shift_too_long');
      if (starts < now.getTime()) throw fieldError(`shifts.${i}.startsAt`, 'volunteer.shift_in_past');
    });
    if (input.workOrderId) {
      // The work-orders module decides who sees an order: 404 from there means "no such order".
      try {
        await this.readWorkOrder(principal, input.workOrderId);
      } catch (error) {
        if (error instanceof DomainError && error.status === 404)
          throw notFound('volunteer.work_order_not_found');
        throw error;
      }
    }
    const id = await db.transaction().execute(async (trx) => {
      const team = await activitiesRepository.teamInScope(trx, scope, input.teamId);
      if (!team) throw notFound('volunteer.team_not_found');
      const shifts = input.shifts.map((shift) => ({
        id: uuidv7(),
        district_code: team.district_code,
        role: shift.role,
        needed: shift.needed,
        skills: JSON.stringify(shift.skills),
        starts_at: new Date(shift.startsAt).toISOString(),
        ends_at: new Date(shift.endsAt).toISOString(),
      }));
      const activityId = uuidv7();
      await activitiesRepository.insertActivity(trx, {
        id: activityId,
        district_code: team.district_code,
        region_code: team.region_code,
        team_id: team.id,
        area: input.area,
        title: input.title,
        description: input.description,
        place: input.place,
        signup_mode: input.signupMode,
        cancel_cutoff_hours: input.cancelCutoffHours,
        work_order_id: input.workOrderId ?? null,
        status: 'open',
        starts_at: shifts.map((s) => s.starts_at).sort()[0]!,
        ends_at: shifts
          .map((s) => s.ends_at)
          .sort()
          .at(-1)!,
        created_by: principal.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await activitiesRepository.insertShifts(
        trx,
        shifts.map((shift) => ({ ...shift, activity_id: activityId })),
      );
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'volunteer.activity_created',
        targetType: 'volunteer_activity',
        targetId: activityId,
        regionCode: team.region_code,
        summary: {
          teamId: team.id,
          title: input.title,
          shifts: shifts.length,
          workOrderId: input.workOrderId,
        },
      });
      return activityId;
    });
    return (await activitiesRepository.viewUnscoped(db, id))!;
  }

  async list(
    scope: Scope,
    filter: {
      team?: string | undefined;
      area?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<{ activities: ActivityView[]; shifts: ShiftView[] }> {
    const { db } = this.ctx.database;
    const activities = await activitiesRepository.list(db, scope, filter);
    return {
      activities,
      shifts: await activitiesRepository.shifts(
        db,
        activities.map((a) => a.id),
      ),
    };
  }

  async detail(
    scope: Scope,
    id: string,
  ): Promise<{ activity: ActivityView; shifts: ShiftView[]; signups: SignupView[] }> {
    const { db } = this.ctx.database;
    if (!(await activitiesRepository.findInScope(db, scope, id)))
      throw notFound('volunteer.activity_not_found');
    const [activity, shifts, signups] = await Promise.all([
      activitiesRepository.viewUnscoped(db, id),
      activitiesRepository.shifts(db, [id]),
      signupsRepository.ofActivity(db, id),
    ]);
    return { activity: activity!, shifts, signups };
  }

  /** The code the leader's phone shows now (it changes every 15 seconds). */
  async checkInCode(scope: Scope, id: string) {
    const activity = await activitiesRepository.findInScope(this.ctx.database.db, scope, id);
    if (!activity) throw notFound('volunteer.activity_not_found');
    if (activity.status !== 'open') throw new DomainError('volunteer.activity_closed', 409);
    return currentCode(this.ctx.crypto, id, this.ctx.now());
  }
}
