import type { AttendanceStatus } from '../../../shared/api/training.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { seekerCaseWorker } from '../jobs/index.js';
import { enqueueNotification } from '../notifications/index.js';
import { attendanceShare, EARLY_CHECK_IN_MS, isTheirs, LATE_AFTER_MS } from './attendance-rules.js';
import { codeIsValid, currentCode } from './check-in-code.js';
import { type CourseRow, coursesRepository, type SessionRow } from './courses.repository.js';
import { type EnrollmentRow, enrollmentsRepository } from './enrollments.repository.js';
import type { TraineeSelf } from './training-self.js';

/** A warning needs at least this many counted sessions: one missed first session is no pattern. */
const WARN_AFTER_SESSIONS = 2;

/**
 * Attendance per session: the worker marks each trainee present, late, excused or absent (one tap
 * each), or the trainee checks in with the rotating code on the trainer's phone. Sessions held
 * before a trainee got their place are not theirs. When a trainee's share falls below the course's
 * warning line, their case worker (else whoever set the course up) gets one inbox message.
 */
export class AttendanceService {
  constructor(private readonly ctx: ServiceContext) {}

  async roster(scope: Scope, sessionId: string) {
    const { db } = this.ctx.database;
    const found = await coursesRepository.sessionInScope(db, scope, sessionId);
    if (!found) throw notFound('training.session_not_found');
    const [enrollments, marks] = await Promise.all([
      enrollmentsRepository.ofCourse(db, found.course.id),
      enrollmentsRepository.attendanceOfSession(db, sessionId),
    ]);
    const byEnrollment = new Map(marks.map((m) => [m.enrollment_id, m]));
    return {
      session: found.session,
      items: enrollments
        .filter((e) => e.status === 'enrolled' || e.status === 'completed' || e.status === 'not_completed')
        .map((e) => {
          const mark = byEnrollment.get(e.id);
          return {
            enrollmentId: e.id,
            name: e.name,
            status: mark?.status ?? null,
            notEnrolledYet: !isTheirs(found.session, e.placed_at),
            recordedVia: mark?.recorded_via ?? null,
          };
        }),
    };
  }

  async code(scope: Scope, sessionId: string) {
    const found = await coursesRepository.sessionInScope(this.ctx.database.db, scope, sessionId);
    if (!found) throw notFound('training.session_not_found');
    return currentCode(this.ctx.crypto, sessionId, this.ctx.now());
  }

  async mark(
    scope: Scope,
    actor: AuditActor,
    sessionId: string,
    input: { enrollmentId: string; status: AttendanceStatus },
  ): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const found = await coursesRepository.sessionInScope(trx, scope, sessionId);
      if (!found) throw notFound('training.session_not_found');
      const enrollment = await enrollmentsRepository.findInScope(trx, scope, input.enrollmentId);
      if (!enrollment || enrollment.course_id !== found.course.id)
        throw fieldError('enrollmentId', 'training.other_course');
      await this.record(trx, found.course, found.session, enrollment, input.status, 'worker', actor);
    });
  }

  /** The trainee typed the code shown for a session of theirs running now. */
  async checkIn(self: TraineeSelf, code: string) {
    const now = this.ctx.now();
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const mine = (await enrollmentsRepository.ofPerson(trx, self.personId)).filter(
        (e) => e.status === 'enrolled',
      );
      const sessions = await coursesRepository.sessionsAround(
        trx,
        mine.map((e) => e.course_id),
        now.toISOString(),
        new Date(now.getTime() + EARLY_CHECK_IN_MS).toISOString(),
      );
      const running = sessions.flatMap((s) => {
        const enrollment = mine.find((e) => e.course_id === s.course_id && isTheirs(s, e.placed_at));
        return enrollment ? [{ session: s, enrollment }] : [];
      });
      if (running.length === 0) throw conflict('training.no_session_now');
      const hit = running.find((r) => codeIsValid(this.ctx.crypto, r.session.id, code, now));
      if (!hit)
        throw new DomainError('training.code_invalid', 400, {}, [
          { path: 'code', code: 'training.code_invalid' },
        ]);
      const already = await enrollmentsRepository.attendanceOf(trx, hit.session.id, hit.enrollment.id);
      if (already && (already.status === 'present' || already.status === 'late'))
        throw conflict('training.already_checked_in');
      const status: AttendanceStatus =
        now.getTime() <= Date.parse(hit.session.starts_at) + LATE_AFTER_MS ? 'present' : 'late';
      const course = (await coursesRepository.lockUnscoped(
        trx,
        this.ctx.database.dialect,
        hit.session.course_id,
      ))!;
      await this.record(trx, course, hit.session, hit.enrollment, status, 'code', self.actor);
      return {
        courseTitle: course.title,
        sessionStartsAt: new Date(hit.session.starts_at).toISOString(),
        status,
      };
    });
  }

  private async record(
    trx: Executor,
    course: CourseRow,
    session: SessionRow,
    enrollment: EnrollmentRow,
    status: AttendanceStatus,
    via: 'worker' | 'code',
    actor: AuditActor,
  ): Promise<void> {
    if (course.status !== 'open') throw conflict('training.course_closed');
    if (enrollment.status !== 'enrolled') throw conflict('training.not_placed');
    if (!isTheirs(session, enrollment.placed_at)) throw conflict('training.not_enrolled_then');
    const at = this.ctx.now().toISOString();
    await enrollmentsRepository.putAttendance(trx, {
      session_id: session.id,
      enrollment_id: enrollment.id,
      district_code: course.district_code,
      status,
      recorded_via: via,
      recorded_by: actor.id,
      recorded_at: at,
    });
    await this.ctx.audit.append(trx, actor, {
      action: 'training.attendance',
      targetType: 'training_enrollment',
      targetId: enrollment.id,
      regionCode: enrollment.region_code,
      summary: { sessionId: session.id, status, via },
    });
    await this.warnIfLow(trx, course, enrollment);
  }

  private async warnIfLow(trx: Executor, course: CourseRow, enrollment: EnrollmentRow): Promise<void> {
    if (enrollment.attendance_warned === 1) return;
    const sessions = await coursesRepository.sessionsOf(trx, course.id);
    const marks = new Map(
      (await enrollmentsRepository.attendanceOfCourse(trx, course.id))
        .filter((a) => a.enrollment_id === enrollment.id)
        .map((a) => [a.session_id, a.status]),
    );
    const share = attendanceShare(sessions, marks, enrollment.placed_at, this.ctx.now());
    if (share.pct === null || share.counted < WARN_AFTER_SESSIONS || share.pct >= course.warning_pct) return;
    const recipient =
      (await seekerCaseWorker(trx, course.district_code, enrollment.person_id)) ?? course.created_by;
    await enrollmentsRepository.update(trx, enrollment.id, { attendance_warned: 1 });
    if (!recipient) return;
    const person = (await enrollmentsRepository.viewUnscoped(trx, enrollment.id))!;
    await enqueueNotification(this.ctx, trx, {
      districtCode: course.district_code,
      recipient: { userId: recipient },
      template: 'training_attendance_low',
      params: {
        name: person.name,
        course: course.title,
        pct: String(share.pct),
        threshold: String(course.warning_pct),
      },
    });
  }
}
