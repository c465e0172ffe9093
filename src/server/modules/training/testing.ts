import { courseDetailSchema, courseSchema, enrollmentSchema } from '../../../shared/api/training.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';
import { residentOf } from '../volunteering/testing.js';

/** Fixtures of the training tests (and the authorization matrix): residents, a worker, courses. */
export interface TrainingWorld {
  community: string;
  people: { id: string; name: string; regionCode: string }[];
  /** A community secretary: holds job.manage over the community (runs its courses). */
  worker: { cookie: string; id: string };
}

export async function trainingWorld(env: TestEnv, community: string, count = 6): Promise<TrainingWorld> {
  const { people } = await createResidents(env, community, count);
  return { community, people, worker: await loginIn(env, { role: 'secretary', regionCode: community }) };
}

export const courseBodyFor = (regionCode: string, overrides: Record<string, unknown> = {}) => ({
  title: 'SYB 创办你的企业',
  kind: 'entrepreneurship',
  place: '兴建街道就业服务站二楼',
  regionCode,
  skills: ['创业计划书', '市场营销'],
  targetGroups: ['laid_off'],
  capacity: 30,
  ...overrides,
});

/** A Beijing calendar date `days` from the test clock's today. */
export const beijingDayFromNow = (env: TestEnv, days: number): string =>
  new Date(env.now().getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Sets a course up and answers its id (throws on anything but 201). */
export async function createCourse(
  env: TestEnv,
  cookie: string,
  regionCode: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const r = await env.inject('POST', '/api/training-courses', {
    cookie,
    body: courseBodyFor(regionCode, overrides),
  });
  if (r.status !== 201) throw new Error(`course: ${r.status} ${JSON.stringify(r.json)}`);
  return r.body(courseSchema).id;
}

/** Adds `count` daily sessions 09:00–11:00 from `fromDays` days on; answers the session ids in order. */
export async function addDailySessions(
  env: TestEnv,
  cookie: string,
  courseId: string,
  count: number,
  fromDays = 1,
): Promise<string[]> {
  const r = await env.inject('POST', `/api/training-courses/${courseId}/sessions`, {
    cookie,
    body: {
      firstDate: beijingDayFromNow(env, fromDays),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '11:00',
      count,
    },
  });
  if (r.status !== 201) throw new Error(`sessions: ${r.status} ${JSON.stringify(r.json)}`);
  return r.body(courseDetailSchema).sessions.map((s) => s.id);
}

export async function enroll(env: TestEnv, cookie: string, courseId: string, personId: string) {
  const r = await env.inject('POST', `/api/training-courses/${courseId}/enrollments`, {
    cookie,
    body: { personId },
  });
  if (r.status !== 201) throw new Error(`enroll: ${r.status} ${JSON.stringify(r.json)}`);
  return r.body(enrollmentSchema);
}

export async function mark(
  env: TestEnv,
  cookie: string,
  sessionId: string,
  enrollmentId: string,
  status: 'present' | 'late' | 'excused' | 'absent',
) {
  const r = await env.inject('POST', `/api/training-sessions/${sessionId}/attendance`, {
    cookie,
    body: { enrollmentId, status },
  });
  if (r.status !== 200) throw new Error(`mark: ${r.status} ${JSON.stringify(r.json)}`);
}

/** A course of `trainees` who attend every one of `sessions` sessions, completed: answers the enrollments. */
export async function completedCourse(
  env: TestEnv,
  world: TrainingWorld,
  trainees: readonly string[],
  sessions = 2,
) {
  const courseId = await createCourse(env, world.worker.cookie, world.community);
  const sessionIds = await addDailySessions(env, world.worker.cookie, courseId, sessions);
  const enrollments = [];
  for (const personId of trainees)
    enrollments.push(await enroll(env, world.worker.cookie, courseId, personId));
  for (const s of sessionIds)
    for (const e of enrollments) await mark(env, world.worker.cookie, s, e.id, 'present');
  const done = await env.inject('POST', `/api/training-courses/${courseId}/complete`, {
    cookie: world.worker.cookie,
  });
  if (done.status !== 200) throw new Error(`complete: ${done.status} ${JSON.stringify(done.json)}`);
  return { courseId, sessionIds, enrollmentIds: enrollments.map((e) => e.id) };
}

type Params = Record<string, string>;

/**
 * The authorization matrix's training records in one community: a course run there, completed,
 * with one session and two graduates — one enrolled by the admin, one by themself on the portal
 * (the owner of the resident_training_enrollment records).
 */
export async function trainingMatrixFixtures(
  env: TestEnv,
  admin: string,
  community: string,
): Promise<{
  params: Record<
    'training_course' | 'training_session' | 'training_enrollment' | 'resident_training_enrollment',
    Params
  >;
  residentOwner: string;
}> {
  const { people } = await createResidents(env, community, 2);
  const residentCookie = await residentOf(env, people[1]!.id);
  const courseId = await createCourse(env, admin, community, { title: `矩阵培训${community}` });
  const [sessionId] = await addDailySessions(env, admin, courseId, 1);
  const byAdmin = await enroll(env, admin, courseId, people[0]!.id);
  const self = await env.inject('POST', '/api/portal/me/training/enrollments', {
    cookie: residentCookie,
    body: { courseId },
  });
  if (self.status !== 201) throw new Error(`self enrollment: ${JSON.stringify(self.json)}`);
  const byResident = self.body(enrollmentSchema).id;
  for (const id of [byAdmin.id, byResident]) await mark(env, admin, sessionId!, id, 'present');
  const done = await env.inject('POST', `/api/training-courses/${courseId}/complete`, { cookie: admin });
  if (done.status !== 200) throw new Error(`complete: ${JSON.stringify(done.json)}`);
  return {
    params: {
      training_course: { id: courseId },
      training_session: { id: sessionId! },
      training_enrollment: { id: byAdmin.id },
      resident_training_enrollment: { id: byResident },
    },
    residentOwner: residentCookie,
  };
}
