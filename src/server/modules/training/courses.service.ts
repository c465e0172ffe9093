import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { courseBody, sessionsBody } from '../../../shared/api/training.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { addSeekerSkills } from '../jobs/index.js';
import { regionsRepository } from '../regions/index.js';
import { attendanceShare, completes } from './attendance-rules.js';
import { type CourseView, coursesRepository } from './courses.repository.js';
import { enrollmentsRepository } from './enrollments.repository.js';
import { sessionTimes, sixMonthsAfter } from './schedule.js';
import { courseFacts, skillsOf } from './training.present.js';

export type CourseInput = z.output<typeof courseBody>;
export type SessionsInput = z.output<typeof sessionsBody>;

/** A course holds at most this many sessions (a year of three a week, and then some). */
const MAX_SESSIONS = 200;
/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * Training courses: created at a place in scope, sessions added in bulk, and completed by the
 * rule (attendance share and, with an assessment, a pass) — which issues each graduate a
 * certificate serial, sets the six-month follow-up and adds the course's skills to their seeker
 * registration in the job service.
 */
export class CoursesService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, actor: AuditActor, input: CourseInput): Promise<CourseView> {
    const { db } = this.ctx.database;
    if (!scope.includes(input.regionCode)) throw fieldError('regionCode', 'training.unknown_region');
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      if (!(await regionsRepository.findUnscoped(trx, input.regionCode)))
        throw fieldError('regionCode', 'training.unknown_region');
      const now = this.ctx.now().toISOString();
      await coursesRepository.insert(trx, {
        id,
        district_code: input.regionCode.slice(0, 6),
        region_code: input.regionCode,
        title: input.title,
        kind: input.kind,
        description: input.description,
        place: input.place,
        skills: JSON.stringify(input.skills),
        target_groups: JSON.stringify(input.targetGroups),
        capacity: input.capacity,
        has_assessment: input.hasAssessment ? 1 : 0,
        completion_pct: input.completionPct,
        warning_pct: input.warningPct,
        status: 'open',
        completed_on: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'training.course_created',
        targetType: 'training_course',
        targetId: id,
        regionCode: input.regionCode,
        summary: { title: input.title, capacity: input.capacity, skills: input.skills },
      });
    });
    return (await coursesRepository.viewUnscoped(db, id))!;
  }

  async list(
    scope: Scope,
    query: {
      region?: string | undefined;
      q?: string | undefined;
      status?: CourseView['status'] | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    const after = decodeCursor(query.cursor, ['text'] as const)?.[0];
    const rows = await coursesRepository.list(this.ctx.database.db, within, { ...query, after });
    return page(rows, query.limit, (last) => [last.id]);
  }

  async get(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    if (!(await coursesRepository.findInScope(db, scope, id))) throw notFound('training.course_not_found');
    const enrollments = await enrollmentsRepository.ofCourse(db, id);
    return {
      course: (await coursesRepository.viewUnscoped(db, id))!,
      enrollments,
      facts: await courseFacts(db, id, enrollments),
    };
  }

  async addSessions(scope: Scope, actor: AuditActor, id: string, input: SessionsInput): Promise<number> {
    const { db } = this.ctx.database;
    const times = sessionTimes(input);
    return db.transaction().execute(async (trx) => {
      const course = await coursesRepository.findInScope(trx, scope, id);
      if (!course) throw notFound('training.course_not_found');
      if (course.status !== 'open') throw conflict('training.course_closed');
      const existing = await coursesRepository.sessionsOf(trx, id);
      if (existing.length + times.length > MAX_SESSIONS)
        throw fieldError('count', 'training.too_many_sessions');
      const now = this.ctx.now().toISOString();
      await coursesRepository.insertSessions(
        trx,
        times.map((t) => ({
          id: uuidv7(),
          district_code: course.district_code,
          course_id: id,
          starts_at: t.startsAt,
          ends_at: t.endsAt,
          created_at: now,
        })),
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'training.sessions_added',
        targetType: 'training_course',
        targetId: id,
        regionCode: course.region_code,
        summary: { ...input, first: times[0]?.startsAt ?? null, last: times.at(-1)?.startsAt ?? null },
      });
      return times.length;
    });
  }

  /** Ends the course: each placed trainee completes or not by the rule; the waiting list is let go. */
  async complete(scope: Scope, actor: AuditActor, id: string) {
    const { db } = this.ctx.database;
    const result = await db.transaction().execute(async (trx) => {
      const found = await coursesRepository.findInScope(trx, scope, id);
      if (!found) throw notFound('training.course_not_found');
      const course = (await coursesRepository.lockUnscoped(trx, this.ctx.database.dialect, id))!;
      if (course.status !== 'open') throw conflict('training.course_closed');
      const enrollments = await enrollmentsRepository.ofCourse(trx, id);
      const facts = await courseFacts(trx, id, enrollments);
      if (facts.sessions.length === 0) throw conflict('training.no_sessions');
      const nowIso = this.ctx.now().toISOString();
      const today = beijingDate(this.ctx.now());
      let completed = 0;
      let notCompleted = 0;
      for (const e of enrollments) {
        if (e.status === 'waitlisted') {
          await enrollmentsRepository.update(trx, e.id, { status: 'cancelled', updated_at: nowIso });
          continue;
        }
        if (e.status !== 'enrolled') continue;
        const share = attendanceShare(facts.sessions, facts.marks.get(e.id) ?? new Map(), e.placed_at, 'all');
        if (!completes(course, share, e.assessment)) {
          notCompleted += 1;
          await enrollmentsRepository.update(trx, e.id, { status: 'not_completed', updated_at: nowIso });
          continue;
        }
        completed += 1;
        const serial = this.serial(course.district_code, today);
        await enrollmentsRepository.update(trx, e.id, {
          status: 'completed',
          completed_on: today,
          certificate_serial: serial,
          follow_up_due_on: sixMonthsAfter(today),
          updated_at: nowIso,
        });
        const skills = await addSeekerSkills(trx, {
          districtCode: course.district_code,
          personId: e.person_id,
          skills: skillsOf(course),
          at: nowIso,
        });
        await this.ctx.audit.append(trx, actor, {
          action: 'training.completed',
          targetType: 'training_enrollment',
          targetId: e.id,
          regionCode: course.region_code,
          summary: { serial, attended: share.attended, counted: share.counted, skillsAdded: skills.added },
        });
      }
      await coursesRepository.update(trx, id, {
        status: 'completed',
        completed_on: today,
        updated_at: nowIso,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'training.course_completed',
        targetType: 'training_course',
        targetId: id,
        regionCode: course.region_code,
        summary: { completed, notCompleted },
      });
      return { completed, notCompleted };
    });
    return { ...result, course: (await coursesRepository.viewUnscoped(db, id))! };
  }

  private serial(district: string, today: string): string {
    let suffix = '';
    for (let i = 0; i < 6; i += 1) suffix += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)];
    return `PX-${district}-${today.replaceAll('-', '')}-${suffix}`;
  }
}
