import { v7 as uuidv7 } from 'uuid';
import type { FollowUpOutcome } from '../../../shared/api/training.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type CourseRow, coursesRepository } from './courses.repository.js';
import { type EnrollmentRow, enrollmentsRepository } from './enrollments.repository.js';
import type { TraineeSelf } from './training-self.js';

/**
 * Enrollments: a worker enrolls a resident of their scope, or a resident enrolls on the portal; a
 * full course puts them on its waiting list, and a freed place goes to the first waiting (who gets
 * their place, and so their sessions, from then on). Assessment results and the six-month
 * follow-up are recorded here too.
 */
export class EnrollmentsService {
  constructor(private readonly ctx: ServiceContext) {}

  async enroll(scope: Scope, actor: AuditActor, courseId: string, personId: string): Promise<EnrollmentRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const course = await coursesRepository.findInScope(trx, scope, courseId);
      if (!course) throw notFound('training.course_not_found');
      const person = await coursesRepository.personInScope(trx, scope, personId);
      if (person?.status !== 'active' || person.district_code !== course.district_code)
        throw notFound('training.person_not_found');
      return this.place(trx, course.id, person, 'worker', actor);
    });
  }

  /** The resident enrolls themself in an open course of their district. */
  async enrollSelf(self: TraineeSelf, courseId: string): Promise<EnrollmentRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const person = await coursesRepository.personUnscoped(trx, self.personId);
      if (person?.status !== 'active') throw notFound('training.no_person');
      const course = await coursesRepository.lockUnscoped(trx, this.ctx.database.dialect, courseId);
      if (!course || course.district_code !== person.district_code)
        throw notFound('training.course_not_found');
      return this.place(trx, course.id, person, 'portal', self.actor);
    });
  }

  private async place(
    trx: Executor,
    courseId: string,
    person: { id: string; region_code: string },
    channel: 'worker' | 'portal',
    actor: AuditActor,
  ): Promise<EnrollmentRow> {
    // Locked, so two enrollments for the last place cannot both get it (PostgreSQL; SQLite writes one at a time).
    const course = (await coursesRepository.lockUnscoped(trx, this.ctx.database.dialect, courseId))!;
    if (course.status !== 'open') throw conflict('training.course_closed');
    if (await enrollmentsRepository.liveOf(trx, course.id, person.id))
      throw conflict('training.already_enrolled');
    const taken = await enrollmentsRepository.countOf(trx, course.id, 'enrolled');
    const now = this.ctx.now().toISOString();
    const placed = taken < course.capacity;
    const row: EnrollmentRow = {
      id: uuidv7(),
      district_code: course.district_code,
      region_code: course.region_code,
      person_region_code: person.region_code,
      course_id: course.id,
      person_id: person.id,
      status: placed ? 'enrolled' : 'waitlisted',
      placed_at: placed ? now : null,
      channel,
      assessment: null,
      attendance_warned: 0,
      completed_on: null,
      certificate_serial: null,
      follow_up_due_on: null,
      follow_up_outcome: null,
      follow_up_note: null,
      follow_up_on: null,
      follow_up_by: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await enrollmentsRepository.insert(trx, row);
    await this.ctx.audit.append(trx, actor, {
      action: 'training.enrolled',
      targetType: 'training_enrollment',
      targetId: row.id,
      regionCode: course.region_code,
      summary: { courseId: course.id, personId: person.id, status: row.status, channel },
    });
    return row;
  }

  /** Cancels an enrollment in scope; a freed place goes to the first on the waiting list. */
  async cancel(scope: Scope, actor: AuditActor, id: string): Promise<EnrollmentRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const found = await enrollmentsRepository.findInScope(trx, scope, id);
      if (!found) throw notFound('training.enrollment_not_found');
      const course = (await coursesRepository.lockUnscoped(trx, this.ctx.database.dialect, found.course_id))!;
      const enrollment = (await enrollmentsRepository.findInScope(trx, scope, id))!;
      if (!['enrolled', 'waitlisted'].includes(enrollment.status)) throw conflict('training.not_cancellable');
      const at = this.ctx.now().toISOString();
      await enrollmentsRepository.update(trx, id, { status: 'cancelled', updated_at: at });
      const promoted =
        enrollment.status === 'enrolled' && course.status === 'open'
          ? await this.moveUp(trx, course, actor)
          : null;
      await this.ctx.audit.append(trx, actor, {
        action: 'training.enrollment_cancelled',
        targetType: 'training_enrollment',
        targetId: id,
        regionCode: enrollment.region_code,
        summary: { promoted },
      });
      return { ...enrollment, status: 'cancelled', updated_at: at };
    });
  }

  /** The first on the waiting list takes the freed place, from now on. */
  private async moveUp(trx: Executor, course: CourseRow, actor: AuditActor): Promise<string | null> {
    const next = await enrollmentsRepository.firstWaiting(trx, course.id);
    if (!next) return null;
    const at = this.ctx.now().toISOString();
    await enrollmentsRepository.update(trx, next.id, { status: 'enrolled', placed_at: at, updated_at: at });
    await this.ctx.audit.append(trx, actor, {
      action: 'training.moved_up',
      targetType: 'training_enrollment',
      targetId: next.id,
      regionCode: next.region_code,
      summary: { from: 'waitlisted' },
    });
    return next.id;
  }

  async assess(
    scope: Scope,
    actor: AuditActor,
    id: string,
    result: 'passed' | 'failed',
  ): Promise<EnrollmentRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const enrollment = await enrollmentsRepository.findInScope(trx, scope, id);
      if (!enrollment) throw notFound('training.enrollment_not_found');
      const course = (await coursesRepository.lockUnscoped(
        trx,
        this.ctx.database.dialect,
        enrollment.course_id,
      ))!;
      if (course.has_assessment !== 1) throw conflict('training.no_assessment');
      if (course.status !== 'open') throw conflict('training.course_closed');
      if (enrollment.status !== 'enrolled') throw conflict('training.not_placed');
      const at = this.ctx.now().toISOString();
      await enrollmentsRepository.update(trx, id, { assessment: result, updated_at: at });
      await this.ctx.audit.append(trx, actor, {
        action: 'training.assessed',
        targetType: 'training_enrollment',
        targetId: id,
        regionCode: enrollment.region_code,
        summary: { result },
      });
      return { ...enrollment, assessment: result, updated_at: at };
    });
  }

  async followUp(
    scope: Scope,
    actor: AuditActor,
    id: string,
    input: { outcome: FollowUpOutcome; note: string },
  ): Promise<EnrollmentRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const enrollment = await enrollmentsRepository.findInScope(trx, scope, id);
      if (!enrollment) throw notFound('training.enrollment_not_found');
      if (enrollment.status !== 'completed') throw conflict('training.not_completed');
      const at = this.ctx.now().toISOString();
      const changes = {
        follow_up_outcome: input.outcome,
        follow_up_note: input.note,
        follow_up_on: beijingDate(this.ctx.now()),
        follow_up_by: actor.id,
        updated_at: at,
      };
      await enrollmentsRepository.update(trx, id, changes);
      await this.ctx.audit.append(trx, actor, {
        action: 'training.followed_up',
        targetType: 'training_enrollment',
        targetId: id,
        regionCode: enrollment.region_code,
        summary: { outcome: input.outcome },
      });
      return { ...enrollment, ...changes };
    });
  }

  async followUps(
    scope: Scope,
    query: { state?: 'due' | 'all' | undefined; cursor?: string | undefined; limit: number },
  ) {
    const after = decodeCursor(query.cursor, ['text'] as const)?.[0];
    const dueBy = (query.state ?? 'due') === 'due' ? beijingDate(this.ctx.now()) : undefined;
    const rows = await enrollmentsRepository.followUps(this.ctx.database.db, scope, {
      dueBy,
      after,
      limit: query.limit,
    });
    return page(rows, query.limit, (last) => [last.id]);
  }

  /** The resident's enrollments and the open courses of their district. */
  async mine(self: TraineeSelf) {
    const { db } = this.ctx.database;
    const person = await coursesRepository.personUnscoped(db, self.personId);
    if (!person) throw notFound('training.no_person');
    return {
      courses: await coursesRepository.openInDistrict(db, person.district_code, this.ctx.now().toISOString()),
      enrollments: await enrollmentsRepository.ofPerson(db, self.personId),
    };
  }
}
