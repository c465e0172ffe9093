import type { z } from 'zod';
import type { Course, courseSchema, Enrollment, Session } from '../../../shared/api/training.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Executor } from '../../db/database.js';
import { maskedContact } from '../register/index.js';
import { attendanceShare } from './attendance-rules.js';
import { type CourseView, coursesRepository, type SessionRow } from './courses.repository.js';
import { type EnrollmentView, enrollmentsRepository } from './enrollments.repository.js';
import type { AttendanceStatus } from './training.tables.js';

const strings = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
};

export const toCourseDto = (c: CourseView): z.infer<typeof courseSchema> => ({
  id: c.id,
  title: c.title,
  kind: c.kind,
  description: c.description,
  place: c.place,
  regionCode: c.region_code,
  regionName: c.region_name,
  skills: strings(c.skills),
  targetGroups: strings(c.target_groups),
  capacity: c.capacity,
  hasAssessment: c.has_assessment === 1,
  completionPct: c.completion_pct,
  warningPct: c.warning_pct,
  status: c.status,
  completedOn: c.completed_on,
  enrolled: c.enrolled,
  waitlisted: c.waitlisted,
  sessions: c.sessions,
  firstSessionAt: c.first_session_at === null ? null : new Date(c.first_session_at).toISOString(),
});

export const skillsOf = (course: { skills: string }) => strings(course.skills);

export const toSessionDto = (s: SessionRow): Session => ({
  id: s.id,
  courseId: s.course_id,
  startsAt: new Date(s.starts_at).toISOString(),
  endsAt: new Date(s.ends_at).toISOString(),
});

/** What presenting a course's enrollments needs: its sessions, their marks, the waiting order. */
export interface CourseFacts {
  sessions: SessionRow[];
  marks: Map<string, Map<string, AttendanceStatus>>;
  waiting: string[];
}

export async function courseFacts(
  db: Executor,
  courseId: string,
  all?: EnrollmentView[],
): Promise<CourseFacts> {
  const [sessions, attendance, enrollments] = await Promise.all([
    coursesRepository.sessionsOf(db, courseId),
    enrollmentsRepository.attendanceOfCourse(db, courseId),
    all ? Promise.resolve(all) : enrollmentsRepository.ofCourse(db, courseId),
  ]);
  const marks = new Map<string, Map<string, AttendanceStatus>>();
  for (const a of attendance) {
    const of = marks.get(a.enrollment_id) ?? new Map<string, AttendanceStatus>();
    of.set(a.session_id, a.status);
    marks.set(a.enrollment_id, of);
  }
  return { sessions, marks, waiting: enrollments.filter((e) => e.status === 'waitlisted').map((e) => e.id) };
}

export function toEnrollmentDto(
  crypto: FieldCrypto,
  e: EnrollmentView,
  facts: CourseFacts,
  now: Date,
): Enrollment {
  const finished = e.status === 'completed' || e.status === 'not_completed';
  const share = attendanceShare(
    facts.sessions,
    facts.marks.get(e.id) ?? new Map(),
    e.placed_at,
    finished ? 'all' : now,
  );
  const position = facts.waiting.indexOf(e.id);
  const phone = maskedContact(crypto, {
    id_number_enc: e.id_number_enc,
    phone_enc: e.phone_enc,
    status: e.person_status,
  }).phone;
  return {
    id: e.id,
    courseId: e.course_id,
    personId: e.person_id,
    name: e.name,
    phone: phone || null,
    status: e.status,
    waitlistPosition: position >= 0 ? position + 1 : null,
    placedAt: e.placed_at === null ? null : new Date(e.placed_at).toISOString(),
    channel: e.channel,
    assessment: e.assessment,
    attended: share.attended,
    counted: share.counted,
    attendancePct: share.pct,
    completedOn: e.completed_on,
    certificateSerial: e.certificate_serial,
    followUpDueOn: e.follow_up_due_on,
    followUpOutcome: e.follow_up_outcome,
    followUpOn: e.follow_up_on,
  };
}

/** Enrollments of any courses, each with its course's facts (loaded once per course). */
export async function presentEnrollments(
  db: Executor,
  crypto: FieldCrypto,
  views: readonly EnrollmentView[],
  now: Date,
): Promise<(Enrollment & { courseTitle: string })[]> {
  const facts = new Map<string, CourseFacts>();
  for (const courseId of new Set(views.map((v) => v.course_id)))
    facts.set(courseId, await courseFacts(db, courseId));
  return views.map((v) => ({
    ...toEnrollmentDto(crypto, v, facts.get(v.course_id)!, now),
    courseTitle: v.course_title,
  }));
}

export type { Course };
