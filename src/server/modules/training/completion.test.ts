import { beforeAll, expect, it } from 'vitest';
import { seekerDetailSchema } from '../../../shared/api/jobs.js';
import {
  completionSchema,
  courseDetailSchema,
  enrollmentSchema,
  followUpPageSchema,
  verificationSchema,
} from '../../../shared/api/training.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { registerSeeker, seekerBodyFor } from '../jobs/testing.js';
import { residentOf } from '../volunteering/testing.js';
import { attendanceShare, completes } from './attendance-rules.js';
import {
  addDailySessions,
  createCourse,
  enroll,
  mark,
  type TrainingWorld,
  trainingWorld,
} from './testing.js';

describeEachDialect(
  'training: completion rule, certificates and their public check, skills, follow-up',
  (env) => {
    let world: TrainingWorld;
    let other: TrainingWorld;

    beforeAll(async () => {
      world = await trainingWorld(env, QINGNIAN, 6);
      other = await trainingWorld(env, SHANGHAI_XINCUN, 1);
    });

    it('states the rule: share of the trainee’s own sessions, excused left out, and a pass when assessed', () => {
      const sessions = [1, 2, 3, 4, 5].map((d) => ({
        id: `s${d}`,
        starts_at: `2027-03-0${d}T01:00:00.000Z`,
        ends_at: `2027-03-0${d}T03:00:00.000Z`,
      }));
      const marks = new Map([
        ['s1', 'present'],
        ['s2', 'late'],
        ['s3', 'excused'],
        ['s4', 'absent'],
      ] as const);
      // Placed after the first session ended: s1 is not theirs; s5 is theirs and unmarked (absent).
      const share = attendanceShare(sessions, marks, '2027-03-01T05:00:00.000Z', 'all');
      expect(share).toEqual({ attended: 1, counted: 3, pct: 33 });
      const all = attendanceShare(sessions, marks, '2027-01-01T00:00:00.000Z', 'all');
      expect(all).toEqual({ attended: 2, counted: 4, pct: 50 });
      const assessed = { completion_pct: 50, has_assessment: 1 };
      expect(completes(assessed, all, 'passed')).toBe(true);
      expect(completes(assessed, all, 'failed')).toBe(false);
      expect(completes(assessed, all, null)).toBe(false);
      expect(completes({ completion_pct: 51, has_assessment: 0 }, all, null)).toBe(false);
      expect(completes({ completion_pct: 50, has_assessment: 0 }, { attended: 0, counted: 0 }, null)).toBe(
        false,
      );
    });

    it('completes by attendance and assessment, issues verifiable certificates and adds the skills', async () => {
      const [p1, p2, p3, p4] = world.people.map((p) => p.id);
      const seekerId = await registerSeeker(
        env,
        world.worker.cookie,
        seekerBodyFor(p1!, { skills: ['电工'] }),
      );
      const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, {
        title: '数控车床操作',
        kind: 'vocational',
        skills: ['数控编程', '电工'],
        hasAssessment: true,
        completionPct: 80,
        warningPct: 50,
      });
      const sessions = await addDailySessions(env, world.worker.cookie, courseId, 5);
      const ids = [];
      for (const p of [p1!, p2!, p3!, p4!])
        ids.push((await enroll(env, world.worker.cookie, courseId, p)).id);
      const [e1, e2, e3, e4] = ids as [string, string, string, string];
      for (const [i, s] of sessions.entries()) {
        await mark(env, world.worker.cookie, s, e1, i === 0 ? 'late' : 'present');
        await mark(env, world.worker.cookie, s, e2, 'present');
        await mark(env, world.worker.cookie, s, e3, i < 3 ? 'present' : 'absent'); // 60%
        await mark(env, world.worker.cookie, s, e4, i === 4 ? 'excused' : 'present'); // 4 of 4
      }
      for (const [e, result] of [
        [e1, 'passed'],
        [e2, 'failed'],
        [e3, 'passed'],
        [e4, 'passed'],
      ] as const) {
        const r = await env.inject('POST', `/api/training-enrollments/${e}/assessment`, {
          cookie: world.worker.cookie,
          body: { result },
        });
        expect(r.body(enrollmentSchema).assessment).toBe(result);
      }
      // A course without an assessment takes no result.
      const plain = await createCourse(env, world.worker.cookie, QINGNIAN);
      const plainEnrollment = await enroll(env, world.worker.cookie, plain, p1!);
      const noAssessment = await env.inject(
        'POST',
        `/api/training-enrollments/${plainEnrollment.id}/assessment`,
        {
          cookie: world.worker.cookie,
          body: { result: 'passed' },
        },
      );
      expect(noAssessment.error.code).toBe('training.no_assessment');
      const emptyCourse = await env.inject('POST', `/api/training-courses/${plain}/complete`, {
        cookie: world.worker.cookie,
      });
      expect(emptyCourse.error.code).toBe('training.no_sessions');

      const done = await env.inject('POST', `/api/training-courses/${courseId}/complete`, {
        cookie: world.worker.cookie,
      });
      expect(done.status).toBe(200);
      expect(done.body(completionSchema)).toMatchObject({ completed: 2, notCompleted: 2 });
      const detail = (
        await env.inject('GET', `/api/training-courses/${courseId}`, { cookie: world.worker.cookie })
      ).body(courseDetailSchema);
      expect(detail.course.status).toBe('completed');
      const byId = new Map(detail.enrollments.map((e) => [e.id, e]));
      expect([e1, e2, e3, e4].map((e) => byId.get(e)?.status)).toEqual([
        'completed',
        'not_completed',
        'not_completed',
        'completed',
      ]);
      const serial = byId.get(e1)!.certificateSerial!;
      expect(serial).toMatch(/^PX-230108-\d{8}-[2-9A-HJKMNP-Z]{6}$/);
      expect(byId.get(e2)!.certificateSerial).toBeNull();
      expect(byId.get(e1)!.followUpDueOn).not.toBeNull();
      const again = await env.inject('POST', `/api/training-courses/${courseId}/complete`, {
        cookie: world.worker.cookie,
      });
      expect(again.error.code).toBe('training.course_closed');

      // The public page: no sign-in, the name masked to the surname.
      const verified = await env.inject('GET', `/api/public/training-certificates/${serial}`);
      expect(verified.status).toBe(200);
      const shown = verified.body(verificationSchema);
      expect(shown).toMatchObject({ serial, course: '数控车床操作' });
      expect(shown.name).toBe(
        `${[...world.people[0]!.name][0]}${'*'.repeat([...world.people[0]!.name].length - 1)}`,
      );
      const unknown = await env.inject('GET', '/api/public/training-certificates/PX-230108-20260101-ABCDEF');
      expect(unknown.status).toBe(404);
      expect(unknown.error.code).toBe('training.certificate_not_found');

      const pdf = await env.inject('GET', `/api/training-enrollments/${e1}/certificate`, {
        cookie: world.worker.cookie,
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const noCertificate = await env.inject('GET', `/api/training-enrollments/${e2}/certificate`, {
        cookie: world.worker.cookie,
      });
      expect(noCertificate.error.code).toBe('training.not_completed');
      const outside = await env.inject('GET', `/api/training-enrollments/${e1}/certificate`, {
        cookie: other.worker.cookie,
      });
      expect(outside.status).toBe(404);

      // The trainee's own copy on the portal; nobody else's.
      const resident = await residentOf(env, p1!);
      const own = await env.inject('GET', `/api/portal/me/training/enrollments/${e1}/certificate`, {
        cookie: resident,
      });
      expect(own.status).toBe(200);
      const others = await env.inject('GET', `/api/portal/me/training/enrollments/${e4}/certificate`, {
        cookie: resident,
      });
      expect(others.status).toBe(404);

      // The seeker gained the skill they lacked, once.
      const seeker = (
        await env.inject('GET', `/api/job-seekers/${seekerId}`, { cookie: world.worker.cookie })
      ).body(seekerDetailSchema);
      expect(seeker.seeker.skills).toEqual(['电工', '数控编程']);
      const rows = await env.database.db
        .selectFrom('job_seeker_skills')
        .select('skill')
        .where('seeker_id', '=', seekerId)
        .orderBy('skill')
        .execute();
      expect(rows.map((r) => r.skill).sort()).toEqual(['数控编程', '电工'].sort());
    });

    it('lists follow-ups due six months on and records what became of the graduate', async () => {
      const courseId = await createCourse(env, world.worker.cookie, QINGNIAN, { title: 'SYB 创办你的企业' });
      const [s] = await addDailySessions(env, world.worker.cookie, courseId, 1);
      const e = await enroll(env, world.worker.cookie, courseId, world.people[4]!.id);
      const notYet = await env.inject('POST', `/api/training-enrollments/${e.id}/follow-up`, {
        cookie: world.worker.cookie,
        body: { outcome: 'employed' },
      });
      expect(notYet.error.code).toBe('training.not_completed');
      await mark(env, world.worker.cookie, s!, e.id, 'present');
      await env.inject('POST', `/api/training-courses/${courseId}/complete`, { cookie: world.worker.cookie });
      const due = async (cookie: string) =>
        (await env.inject('GET', '/api/training-follow-ups?limit=200', { cookie })).body(followUpPageSchema)
          .items;
      expect((await due(world.worker.cookie)).some((i) => i.id === e.id)).toBe(false);
      env.advanceMinutes(190 * 24 * 60);
      const worker = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
      const listed = (await due(worker.cookie)).find((i) => i.id === e.id);
      expect(listed?.courseTitle).toBe('SYB 创办你的企业');
      const recorded = await env.inject('POST', `/api/training-enrollments/${e.id}/follow-up`, {
        cookie: worker.cookie,
        body: { outcome: 'business', note: '开了一家早餐店' },
      });
      expect(recorded.body(enrollmentSchema).followUpOutcome).toBe('business');
      expect((await due(worker.cookie)).some((i) => i.id === e.id)).toBe(false);
      const all = (
        await env.inject('GET', '/api/training-follow-ups?state=all&limit=200', { cookie: worker.cookie })
      ).body(followUpPageSchema);
      expect(all.items.find((i) => i.id === e.id)?.followUpOn).not.toBeNull();
    });
  },
);
