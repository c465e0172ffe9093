import { beforeAll, expect, it } from 'vitest';
import { courseDetailSchema, coursePageSchema, enrollmentSchema } from '../../../shared/api/training.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { loginIn } from '../member-workflows/testing.js';
import { importCountyRegions } from '../regions/index.js';
import {
  addDailySessions,
  beijingDayFromNow,
  courseBodyFor,
  createCourse,
  enroll,
  type TrainingWorld,
  trainingWorld,
} from './testing.js';

const DAOLI_COMMUNITY = '230102001002';

describeEachDialect('training: courses, sessions in bulk, enrollment and the waiting list, scope', (env) => {
  let world: TrainingWorld;
  let other: TrainingWorld;

  beforeAll(async () => {
    world = await trainingWorld(env, QINGNIAN, 6);
    other = await trainingWorld(env, SHANGHAI_XINCUN, 2);
    await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
  });

  it('refuses a bad course naming each field, in Chinese and English, and writes nothing', async () => {
    const before = await env.countRows('training_courses');
    const cases: [Record<string, unknown>, string][] = [
      [{ title: ' ' }, 'title'],
      [{ title: 'x'.repeat(101) }, 'title'],
      [{ kind: 'cooking' }, 'kind'],
      [{ place: '' }, 'place'],
      [{ regionCode: 'abc' }, 'regionCode'],
      [{ regionCode: SHANGHAI_XINCUN }, 'regionCode'],
      [{ skills: ['数控', '数控'] }, 'skills'],
      [{ targetGroups: ['kings'] }, 'targetGroups.0'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ capacity: '20' }, 'capacity'],
      [{ completionPct: 101 }, 'completionPct'],
      [{ warningPct: 90, completionPct: 80 }, 'warningPct'],
      [{ hasAssessment: 'yes' }, 'hasAssessment'],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/training-courses', {
        cookie: world.worker.cookie,
        body: courseBodyFor(QINGNIAN, override),
      });
      expect(r.status, field).toBe(400);
      expect(
        r.error.fields?.map((f) => f.path),
        field,
      ).toContain(field);
    }
    const zh = await env.inject('POST', '/api/training-courses', {
      cookie: world.worker.cookie,
      body: courseBodyFor(QINGNIAN, { capacity: 0 }),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.error.fields).toEqual([{ path: 'capacity', message: '名额须为 1–500 的整数' }]);
    const en = await env.inject('POST', '/api/training-courses', {
      cookie: world.worker.cookie,
      body: courseBodyFor(QINGNIAN, { warningPct: 90 }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.error.fields).toEqual([
      { path: 'warningPct', message: 'must not be above the attendance needed to complete' },
    ]);
    expect(await env.countRows('training_courses')).toBe(before);
  });

  it('refuses bad sessions, enrollments and attendance naming each field', async () => {
    const courseId = await createCourse(env, world.worker.cookie, QINGNIAN);
    const good = {
      firstDate: beijingDayFromNow(env, 1),
      weekdays: [2, 4],
      startTime: '09:00',
      endTime: '11:00',
      count: 4,
    };
    const sessionCases: [Record<string, unknown>, string, string][] = [
      [{ firstDate: '2026-13-01' }, 'firstDate', '日期格式应为 YYYY-MM-DD'],
      [{ weekdays: [] }, 'weekdays', '请选择上课的星期（不重复）'],
      [{ weekdays: [2, 2] }, 'weekdays', '请选择上课的星期（不重复）'],
      [{ weekdays: [8] }, 'weekdays.0', '不能大于 7'],
      [{ startTime: '9点' }, 'startTime', '时间格式应为 HH:MM'],
      [{ endTime: '08:00' }, 'endTime', '下课时间须晚于上课时间'],
      [{ count: 0 }, 'count', '课次数须为 1–100 的整数'],
      [{ count: 101 }, 'count', '课次数须为 1–100 的整数'],
    ];
    for (const [override, field, message] of sessionCases) {
      const r = await env.inject('POST', `/api/training-courses/${courseId}/sessions`, {
        cookie: world.worker.cookie,
        body: { ...good, ...override },
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(r.status, field).toBe(400);
      expect(r.error.fields, field).toEqual([{ path: field, message }]);
    }
    const sessions = await addDailySessions(env, world.worker.cookie, courseId, 2);
    for (const body of [{}, { personId: 'nobody' }]) {
      const r = await env.inject('POST', `/api/training-courses/${courseId}/enrollments`, {
        cookie: world.worker.cookie,
        body,
      });
      expect(r.status).toBe(400);
      expect(r.error.fields?.[0]?.path).toBe('personId');
    }
    const e = await enroll(env, world.worker.cookie, courseId, world.people[0]!.id);
    for (const [body, field] of [
      [{ enrollmentId: e.id, status: 'asleep' }, 'status'],
      [{ status: 'present' }, 'enrollmentId'],
    ] as const) {
      const r = await env.inject('POST', `/api/training-sessions/${sessions[0]}/attendance`, {
        cookie: world.worker.cookie,
        body,
      });
      expect(r.status).toBe(400);
      expect(r.error.fields?.[0]?.path).toBe(field);
    }
    const assess = await env.inject('POST', `/api/training-enrollments/${e.id}/assessment`, {
      cookie: world.worker.cookie,
      body: { result: 'maybe' },
    });
    expect(assess.error.fields?.[0]?.path).toBe('result');
    const follow = await env.inject('POST', `/api/training-enrollments/${e.id}/follow-up`, {
      cookie: world.worker.cookie,
      body: { outcome: 'rich', note: 'x'.repeat(201) },
    });
    expect(follow.error.fields?.map((f) => f.path).sort()).toEqual(['note', 'outcome']);
    // Of another course: a field error, nothing written.
    const otherCourse = await createCourse(env, world.worker.cookie, QINGNIAN);
    const otherSessions = await addDailySessions(env, world.worker.cookie, otherCourse, 1);
    const wrong = await env.inject('POST', `/api/training-sessions/${otherSessions[0]}/attendance`, {
      cookie: world.worker.cookie,
      body: { enrollmentId: e.id, status: 'present' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.error.fields?.[0]?.path).toBe('enrollmentId');
    expect(await env.countRows('training_attendance')).toBe(0);
  });

  it('creates sessions in bulk on the given weekdays and times (Beijing time)', async () => {
    const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, { title: '数控车床操作' });
    const r = await env.inject('POST', `/api/training-courses/${courseId}/sessions`, {
      cookie: world.worker.cookie,
      body: { firstDate: '2027-03-01', weekdays: [2, 4], startTime: '09:00', endTime: '11:00', count: 5 },
    });
    expect(r.status).toBe(201);
    const detail = r.body(courseDetailSchema);
    // 2027-03-01 is a Monday: Tue 2, Thu 4, Tue 9, Thu 11, Tue 16.
    expect(detail.sessions.map((s) => s.startsAt)).toEqual([
      '2027-03-02T01:00:00.000Z',
      '2027-03-04T01:00:00.000Z',
      '2027-03-09T01:00:00.000Z',
      '2027-03-11T01:00:00.000Z',
      '2027-03-16T01:00:00.000Z',
    ]);
    expect(detail.sessions[0]!.endsAt).toBe('2027-03-02T03:00:00.000Z');
    expect(detail.course.sessions).toBe(5);
  });

  it('puts enrollments beyond capacity on a waiting list and moves it up in order', async () => {
    const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, { capacity: 2 });
    await addDailySessions(env, world.worker.cookie, courseId, 3);
    const made = [];
    for (const p of world.people.slice(0, 4))
      made.push(await enroll(env, world.worker.cookie, courseId, p.id));
    expect(made.map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    expect(made.map((e) => e.waitlistPosition)).toEqual([null, null, 1, 2]);
    const twice = await env.inject('POST', `/api/training-courses/${courseId}/enrollments`, {
      cookie: world.worker.cookie,
      body: { personId: world.people[0]!.id },
    });
    expect(twice.status).toBe(409);
    expect(twice.error.code).toBe('training.already_enrolled');

    env.advanceMinutes(1);
    const cancelled = await env.inject('POST', `/api/training-enrollments/${made[0]!.id}/cancel`, {
      cookie: world.worker.cookie,
    });
    expect(cancelled.body(enrollmentSchema).status).toBe('cancelled');
    const detail = (
      await env.inject('GET', `/api/training-courses/${courseId}`, { cookie: world.worker.cookie })
    ).body(courseDetailSchema);
    const byId = new Map(detail.enrollments.map((e) => [e.id, e]));
    expect(byId.get(made[2]!.id)?.status).toBe('enrolled');
    expect(Date.parse(byId.get(made[2]!.id)!.placedAt!)).toBeGreaterThan(Date.parse(made[0]!.placedAt!));
    expect(byId.get(made[3]!.id)?.waitlistPosition).toBe(1);
    expect(detail.course.enrolled).toBe(2);
    expect(detail.course.waitlisted).toBe(1);
    // Cancelling someone waiting frees no place: nobody moves.
    await env.inject('POST', `/api/training-enrollments/${made[3]!.id}/cancel`, {
      cookie: world.worker.cookie,
    });
    const again = await env.inject('POST', `/api/training-enrollments/${made[3]!.id}/cancel`, {
      cookie: world.worker.cookie,
    });
    expect(again.status).toBe(409);
    expect(await env.countRows('audit_log')).toBeGreaterThan(0);
  });

  it('answers 404 for another community’s and another district’s course, and their residents', async () => {
    const ours = await createCourse(env, world.worker.cookie, QINGNIAN);
    const sessions = await addDailySessions(env, world.worker.cookie, ours, 1);
    const admin = await loginIn(env, { role: 'district_admin', regionCode: '230102' });
    const theirs = await createCourse(env, admin.cookie, DAOLI_COMMUNITY, { title: '汽车修理' });
    for (const url of [
      `/api/training-courses/${ours}`,
      `/api/training-sessions/${sessions[0]}/attendance`,
      `/api/training-sessions/${sessions[0]}/code`,
    ]) {
      const r = await env.inject('GET', url, { cookie: other.worker.cookie });
      expect(r.status, url).toBe(404);
    }
    const far = await env.inject('GET', `/api/training-courses/${theirs}`, { cookie: world.worker.cookie });
    expect(far.status).toBe(404);
    expect(far.error.code).toBe('training.course_not_found');
    const enrolFar = await env.inject('POST', `/api/training-courses/${theirs}/enrollments`, {
      cookie: world.worker.cookie,
      body: { personId: world.people[0]!.id },
    });
    expect(enrolFar.status).toBe(404);
    const stranger = await env.inject('POST', `/api/training-courses/${ours}/enrollments`, {
      cookie: world.worker.cookie,
      body: { personId: other.people[0]!.id },
    });
    expect(stranger.status).toBe(404);
    expect(stranger.error.code).toBe('training.person_not_found');
    const list = (
      await env.inject('GET', '/api/training-courses?limit=200', { cookie: world.worker.cookie })
    ).body(coursePageSchema);
    expect(list.items.some((c) => c.id === ours)).toBe(true);
    expect(list.items.some((c) => c.id === theirs)).toBe(false);
    const outside = await env.inject('GET', `/api/training-courses?region=${DISTRICT}002`, {
      cookie: world.worker.cookie,
    });
    expect(outside.status).toBe(404);
  });
});
