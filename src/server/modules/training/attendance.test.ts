import { beforeAll, expect, it } from 'vitest';
import {
  checkInResultSchema,
  codeSchema,
  courseDetailSchema,
  myTrainingSchema,
  rosterSchema,
} from '../../../shared/api/training.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { registerSeeker, seekerBodyFor } from '../jobs/testing.js';
import { loginIn } from '../member-workflows/testing.js';
import { residentOf } from '../volunteering/testing.js';
import { WINDOW_MS } from './check-in-code.js';
import {
  addDailySessions,
  createCourse,
  enroll,
  mark,
  type TrainingWorld,
  trainingWorld,
} from './testing.js';

describeEachDialect(
  'training: attendance, late enrollment, the rotating code, the low-attendance warning',
  (env) => {
    let world: TrainingWorld;

    beforeAll(async () => {
      world = await trainingWorld(env, QINGNIAN, 6);
    });

    const detailOf = async (courseId: string) =>
      (await env.inject('GET', `/api/training-courses/${courseId}`, { cookie: world.worker.cookie })).body(
        courseDetailSchema,
      );
    /** Moves the test clock to `minutes` after a time, and signs the worker in afresh (sessions idle out). */
    const moveTo = async (at: string, minutes: number) => {
      env.advanceMinutes((Date.parse(at) + minutes * 60_000 - env.now().getTime()) / 60_000);
      world.worker = await loginIn(env, { role: 'secretary', regionCode: QINGNIAN });
    };

    it('warns the case worker once when a trainee’s share falls below the line', async () => {
      const caseWorker = await loginIn(env, { role: 'grid_worker', regionCode: QINGNIAN });
      const person = world.people[5]!.id;
      await registerSeeker(env, world.worker.cookie, seekerBodyFor(person, { caseWorkerId: caseWorker.id }));
      const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, { warningPct: 60 });
      const sessions = await addDailySessions(env, world.worker.cookie, courseId, 4);
      const e = await enroll(env, world.worker.cookie, courseId, person);
      const warnings = () =>
        env.database.db
          .selectFrom('notifications')
          .select(['recipient_user_id', 'params'])
          .where('template', '=', 'training_attendance_low')
          .execute();
      await mark(env, world.worker.cookie, sessions[0]!, e.id, 'present');
      await mark(env, world.worker.cookie, sessions[1]!, e.id, 'excused');
      expect(await warnings()).toEqual([]);
      // Present once, excused once (counts neither way), absent once: 1 of 2, 50% — below 60%.
      await mark(env, world.worker.cookie, sessions[2]!, e.id, 'absent');
      const sent = await warnings();
      expect(sent).toHaveLength(1);
      expect(sent[0]!.recipient_user_id).toBe(caseWorker.id);
      expect(JSON.parse(sent[0]!.params)).toMatchObject({ pct: '50', threshold: '60' });
      await mark(env, world.worker.cookie, sessions[3]!, e.id, 'absent');
      expect(await warnings()).toHaveLength(1);
    });

    it('does not count sessions held before a trainee got their place', async () => {
      const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, { title: '机加焊接' });
      const sessions = await addDailySessions(env, world.worker.cookie, courseId, 3);
      const early = await enroll(env, world.worker.cookie, courseId, world.people[0]!.id);
      const first = (await detailOf(courseId)).sessions[0]!;
      await moveTo(first.endsAt, 30);
      const late = await enroll(env, world.worker.cookie, courseId, world.people[1]!.id);
      const detail = await detailOf(courseId);
      const byId = new Map(detail.enrollments.map((e) => [e.id, e]));
      // The first session is over and unmarked: absent for the early trainee, not the late one's.
      expect(byId.get(early.id)).toMatchObject({ attended: 0, counted: 1, attendancePct: 0 });
      expect(byId.get(late.id)).toMatchObject({ attended: 0, counted: 0, attendancePct: null });
      const roster = (
        await env.inject('GET', `/api/training-sessions/${sessions[0]}/attendance`, {
          cookie: world.worker.cookie,
        })
      ).body(rosterSchema);
      expect(roster.items.find((i) => i.enrollmentId === late.id)?.notEnrolledYet).toBe(true);
      expect(roster.items.find((i) => i.enrollmentId === early.id)?.notEnrolledYet).toBe(false);
      const refused = await env.inject('POST', `/api/training-sessions/${sessions[0]}/attendance`, {
        cookie: world.worker.cookie,
        body: { enrollmentId: late.id, status: 'absent' },
      });
      expect(refused.status).toBe(409);
      expect(refused.error.code).toBe('training.not_enrolled_then');
      await mark(env, world.worker.cookie, sessions[1]!, late.id, 'present');
      const after = new Map((await detailOf(courseId)).enrollments.map((e) => [e.id, e]));
      expect(after.get(late.id)).toMatchObject({ attended: 1, counted: 1, attendancePct: 100 });
    });

    it('checks a trainee in with the current or the previous code, and refuses others', async () => {
      const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, { title: 'SYB 创办你的企业' });
      const sessions = await addDailySessions(env, world.worker.cookie, courseId, 2);
      let a = await residentOf(env, world.people[2]!.id);
      let b = await residentOf(env, world.people[3]!.id);
      for (const cookie of [a, b]) {
        const r = await env.inject('POST', '/api/portal/me/training/enrollments', {
          cookie,
          body: { courseId },
        });
        expect(r.status).toBe(201);
      }
      const codeNow = async () =>
        (
          await env.inject('GET', `/api/training-sessions/${sessions[0]}/code`, {
            cookie: world.worker.cookie,
          })
        ).body(codeSchema).code;
      // Before the session: nothing to check in to.
      const early = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: a,
        body: { code: await codeNow() },
      });
      expect(early.status).toBe(409);
      expect(early.error.code).toBe('training.no_session_now');
      const first = (await detailOf(courseId)).sessions[0]!;
      await moveTo(first.startsAt, 3);
      // Portal sessions idle out too: the trainees sign in again on the day.
      a = await residentOf(env, world.people[2]!.id);
      b = await residentOf(env, world.people[3]!.id);
      const bad = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: a,
        body: { code: '12345' },
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(bad.error.fields).toEqual([{ path: 'code', message: '签到码为 6 位数字' }]);
      const shown = await codeNow();
      const wrong = String((Number(shown) + 1) % 1_000_000).padStart(6, '0');
      const refused = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: a,
        body: { code: wrong },
      });
      expect(refused.status).toBe(400);
      expect(refused.error.fields?.[0]?.path).toBe('code');
      // Nearly a window later the shown code is the current or the previous one: accepted either way
      // (the real clock moves on between requests, so no test depends on where a window starts).
      env.advanceMinutes((WINDOW_MS - 5_000) / 60_000);
      const ok = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: a,
        body: { code: shown },
      });
      expect(ok.status).toBe(200);
      expect(ok.body(checkInResultSchema).status).toBe('present');
      const twice = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: a,
        body: { code: shown },
      });
      expect(twice.error.code).toBe('training.already_checked_in');
      // Over two windows after it was shown, it is stale.
      env.advanceMinutes((WINDOW_MS + 10_000) / 60_000);
      const stale = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: b,
        body: { code: shown },
      });
      expect(stale.status).toBe(400);
      expect(stale.error.code).toBe('training.code_invalid');
      // Past ten minutes after the start a check-in is late.
      await moveTo(first.startsAt, 15);
      const lateOk = await env.inject('POST', '/api/portal/me/training/check-in', {
        cookie: b,
        body: { code: await codeNow() },
      });
      expect(lateOk.body(checkInResultSchema).status).toBe('late');
      const roster = (
        await env.inject('GET', `/api/training-sessions/${sessions[0]}/attendance`, {
          cookie: world.worker.cookie,
        })
      ).body(rosterSchema);
      expect(roster.items.map((i) => [i.status, i.recordedVia])).toEqual([
        ['present', 'code'],
        ['late', 'code'],
      ]);
      const mine = (await env.inject('GET', '/api/portal/me/training', { cookie: a })).body(myTrainingSchema);
      expect(mine.enrollments).toHaveLength(1);
      expect(mine.enrollments[0]).toMatchObject({ courseId, attended: 1, counted: 1 });
    });
  },
);
