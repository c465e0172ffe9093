import { queryOptions } from '@tanstack/react-query';
import {
  type AttendanceStatus,
  type CourseBody,
  checkInResultSchema,
  codeSchema,
  completionSchema,
  courseDetailSchema,
  coursePageSchema,
  courseSchema,
  enrollmentSchema,
  type FollowUpOutcome,
  followUpPageSchema,
  myTrainingSchema,
  rosterSchema,
  type SessionsBody,
  verificationSchema,
} from '../../shared/api/training';
import { api, download } from './client';

export type {
  Course,
  CourseDetail,
  Enrollment,
  MyTraining,
  Roster,
  Session,
} from '../../shared/api/training';

/** Every training query key starts with 'training': a change refreshes them together. */
export const trainingKeys = {
  all: ['training'] as const,
  courses: ['training', 'courses'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  roster: (id: string) => ['training', 'roster', id] as const,
  followUps: ['training', 'follow-ups'] as const,
};

export const coursesQuery = queryOptions({
  queryKey: trainingKeys.courses,
  queryFn: () => api('GET', '/api/training-courses', coursePageSchema, { query: { limit: 200 } }),
});

export const courseQuery = (id: string) =>
  queryOptions({
    queryKey: trainingKeys.course(id),
    queryFn: () => api('GET', `/api/training-courses/${id}`, courseDetailSchema),
  });

export const rosterQuery = (sessionId: string) =>
  queryOptions({
    queryKey: trainingKeys.roster(sessionId),
    queryFn: () => api('GET', `/api/training-sessions/${sessionId}/attendance`, rosterSchema),
  });

export const followUpsQuery = queryOptions({
  queryKey: trainingKeys.followUps,
  queryFn: () => api('GET', '/api/training-follow-ups', followUpPageSchema, { query: { limit: 200 } }),
});

export const createCourse = (body: CourseBody) =>
  api('POST', '/api/training-courses', courseSchema, { body });
export const addSessions = (id: string, body: SessionsBody) =>
  api('POST', `/api/training-courses/${id}/sessions`, courseDetailSchema, { body });
export const enrollPerson = (id: string, personId: string) =>
  api('POST', `/api/training-courses/${id}/enrollments`, enrollmentSchema, { body: { personId } });
export const cancelEnrollment = (id: string) =>
  api('POST', `/api/training-enrollments/${id}/cancel`, enrollmentSchema);
export const assess = (id: string, result: 'passed' | 'failed') =>
  api('POST', `/api/training-enrollments/${id}/assessment`, enrollmentSchema, { body: { result } });
export const recordFollowUp = (id: string, outcome: FollowUpOutcome) =>
  api('POST', `/api/training-enrollments/${id}/follow-up`, enrollmentSchema, { body: { outcome } });
export const completeCourse = (id: string) =>
  api('POST', `/api/training-courses/${id}/complete`, completionSchema);
export const markAttendance = (sessionId: string, enrollmentId: string, status: AttendanceStatus) =>
  api('POST', `/api/training-sessions/${sessionId}/attendance`, rosterSchema, {
    body: { enrollmentId, status },
  });
export const sessionCode = (sessionId: string) =>
  api('GET', `/api/training-sessions/${sessionId}/code`, codeSchema);
export const certificatePdf = (enrollmentId: string, serial: string) =>
  download('GET', `/api/training-enrollments/${enrollmentId}/certificate`, `${serial}.pdf`);
export const verifyTrainingCertificate = (serial: string) =>
  api('GET', `/api/public/training-certificates/${encodeURIComponent(serial)}`, verificationSchema);

// ---- the resident's own (portal) ----

export const portalTrainingKeys = { all: ['portal', 'training'] as const };

export const portalTrainingQuery = queryOptions({
  queryKey: portalTrainingKeys.all,
  queryFn: () => api('GET', '/api/portal/me/training', myTrainingSchema, { expectUnauthorized: true }),
});
export const portalEnroll = (courseId: string) =>
  api('POST', '/api/portal/me/training/enrollments', enrollmentSchema, {
    body: { courseId },
    expectUnauthorized: true,
  });
export const portalTrainingCheckIn = (code: string) =>
  api('POST', '/api/portal/me/training/check-in', checkInResultSchema, {
    body: { code },
    expectUnauthorized: true,
  });
export const portalTrainingCertificate = (enrollmentId: string, serial: string) =>
  download('GET', `/api/portal/me/training/enrollments/${enrollmentId}/certificate`, `${serial}.pdf`, {
    expectUnauthorized: true,
  });
