import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import {
  activityDetailSchema,
  activitySchema,
  signupSchema,
  teamPageSchema,
  volunteerPageSchema,
  volunteerRecordSchema,
} from '../../../shared/api/volunteering.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { loginIn } from '../member-workflows/testing.js';
import { importCountyRegions } from '../regions/index.js';
import { activityBody, hoursFromNow, type VolunteerWorld, volunteerWorld } from './testing.js';

/** 索菲亚社区, 道里区: another district of the same deployment. */
const DAOLI_COMMUNITY = '230102001002';

describeEachDialect(
  'volunteering: teams, volunteers, activities, sign-ups',
  (env) => {
    let world: VolunteerWorld;
    let otherDistrict = '';
    let otherCommunity = '';
    let member = '';
    let auditor = '';

    beforeAll(async () => {
      await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
      world = await volunteerWorld(env, QINGNIAN, 5);
      otherDistrict = (await loginIn(env, { role: 'secretary', regionCode: DAOLI_COMMUNITY })).cookie;
      otherCommunity = (await loginIn(env, { role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
      member = world.volunteers[0]!.cookie!;
      auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
    });

    const create = (cookie: string, body: unknown) =>
      env.inject('POST', '/api/volunteer-activities', { cookie, body });
    const signUp = (activityId: string, shiftId: string, volunteerId: string) =>
      env.inject('POST', `/api/volunteer-activities/${activityId}/signups`, {
        cookie: world.secretary,
        body: { shiftId, volunteerId },
      });

    it('refuses bad input on the activity form, naming each field', async () => {
      const good = activityBody(env, world.team.id);
      const cases: [unknown, string][] = [
        [{ ...good, teamId: 'x' }, 'teamId'],
        [{ ...good, area: '打麻将' }, 'area'],
        [{ ...good, title: '' }, 'title'],
        [{ ...good, place: '' }, 'place'],
        [{ ...good, signupMode: 'lottery' }, 'signupMode'],
        [{ ...good, cancelCutoffHours: -1 }, 'cancelCutoffHours'],
        [{ ...good, workOrderId: 'abc' }, 'workOrderId'],
        [{ ...good, shifts: [] }, 'shifts'],
        [{ ...good, shifts: [{ ...good.shifts[0], role: '' }] }, 'shifts.0.role'],
        [{ ...good, shifts: [{ ...good.shifts[0], needed: 0 }] }, 'shifts.0.needed'],
        [{ ...good, shifts: [{ ...good.shifts[0], startsAt: '明天' }] }, 'shifts.0.startsAt'],
        [{ ...good, shifts: [{ ...good.shifts[0], skills: ['急救证', '急救证'] }] }, 'shifts.0.skills'],
        [{ ...good, shifts: [{ ...good.shifts[0], endsAt: hoursFromNow(env, 1) }] }, 'shifts.0.endsAt'],
        [{ ...good, shifts: [{ ...good.shifts[0], endsAt: hoursFromNow(env, 40) }] }, 'shifts.0.endsAt'],
        [{ ...good, shifts: [{ ...good.shifts[0], startsAt: hoursFromNow(env, -1) }] }, 'shifts.0.startsAt'],
      ];
      for (const [body, field] of cases) {
        const response = await create(world.secretary, body);
        expect(response.status, field).toBe(400);
        expect(
          (response.error.fields ?? []).map((f) => f.path),
          field,
        ).toContain(field);
      }
      const ends = await create(world.secretary, cases[12]![0]);
      expect(ends.error.fields?.[0]?.message).toBe('结束时间应晚于开始时间');
      const orderless = await create(world.secretary, { ...good, workOrderId: uuidv7() });
      expect(orderless.status).toBe(404);
      expect(orderless.error.code).toBe('volunteer.work_order_not_found');
      expect(await env.countRows('volunteer_activities')).toBe(0);
    });

    it('refuses bad input on the volunteer, record and certificate forms', async () => {
      const v = world.volunteers[0]!.id;
      const bad = async (url: string, body: unknown, field: string, method: 'POST' | 'PATCH' = 'POST') => {
        const response = await env.inject(method, url, { cookie: world.secretary, body });
        expect(response.status, field).toBe(400);
        expect(
          (response.error.fields ?? []).map((f) => f.path),
          field,
        ).toContain(field);
      };
      await bad('/api/volunteers', { teamId: world.team.id, personId: 'me' }, 'personId');
      await bad('/api/volunteers', { teamId: 1, personId: world.people[0]!.id }, 'teamId');
      await bad(
        '/api/volunteers',
        { teamId: world.team.id, personId: world.people[0]!.id, skills: ['a', 'a'] },
        'skills',
      );
      await bad(
        '/api/volunteers',
        { teamId: world.team.id, personId: world.people[0]!.id, joinedOn: '2026-13-01' },
        'joinedOn',
      );
      await bad(`/api/volunteers/${v}`, { status: 'retired' }, 'status', 'PATCH');
      await bad(
        `/api/volunteers/${v}/record-entries`,
        { kind: 'party', title: '急救培训', onDate: '2026-01-01' },
        'kind',
      );
      await bad(
        `/api/volunteers/${v}/record-entries`,
        { kind: 'training', title: '', onDate: '2026-01-01' },
        'title',
      );
      await bad(
        `/api/volunteers/${v}/record-entries`,
        { kind: 'training', title: '急救培训', onDate: '昨天' },
        'onDate',
      );
      await bad(`/api/volunteers/${v}/certificates`, { from: '2026-01-01' }, 'to');
      await bad(`/api/volunteers/${v}/certificates`, { from: '2026-02-01', to: '2026-01-01' }, 'to');
      const twice = await env.inject('POST', '/api/volunteers', {
        cookie: world.secretary,
        body: { teamId: world.team.id, personId: world.people[0]!.id },
      });
      expect(twice.status).toBe(409);
      expect(twice.error.code).toBe('volunteer.already_in_team');
      const code = await env.inject('POST', '/api/me/volunteering/check-in', {
        cookie: member,
        body: { activityId: uuidv7(), code: '12ab', action: 'check_in' },
      });
      expect(code.error.fields).toEqual([{ path: 'code', message: '签到码为 6 位数字' }]);
    });

    it('keeps every record to its scope (404) and every change to its permission (403)', async () => {
      const activity = (
        await create(world.secretary, activityBody(env, world.team.id, { startsIn: 30 }))
      ).body(activitySchema);
      const v = world.volunteers[1]!.id;
      for (const cookie of [otherDistrict, otherCommunity]) {
        expect((await env.inject('GET', `/api/volunteers/${v}`, { cookie })).status).toBe(404);
        expect((await env.inject('GET', `/api/volunteer-activities/${activity.id}`, { cookie })).status).toBe(
          404,
        );
        expect(
          (await env.inject('GET', `/api/volunteer-activities/${activity.id}/check-in-code`, { cookie }))
            .status,
        ).toBe(404);
        expect((await create(cookie, activityBody(env, world.team.id))).status).toBe(404);
        const list = await env.inject('GET', '/api/volunteers', { cookie });
        expect(list.body(volunteerPageSchema).items).toEqual([]);
        expect(
          (await env.inject('GET', '/api/volunteer-teams', { cookie })).body(teamPageSchema).items,
        ).toEqual([]);
      }
      expect((await create(member, activityBody(env, world.team.id))).status).toBe(403);
      expect((await create(auditor, activityBody(env, world.team.id))).status).toBe(403);
      expect((await env.inject('GET', `/api/volunteers/${v}`, { cookie: auditor })).status).toBe(200);
      const byAuditor = await env.inject('POST', '/api/volunteers', {
        cookie: auditor,
        body: { teamId: world.team.id, personId: world.people[1]!.id },
      });
      expect(byAuditor.status).toBe(403);
      const record = (await env.inject('GET', `/api/volunteers/${v}`, { cookie: world.secretary })).body(
        volunteerRecordSchema,
      );
      expect(record.volunteer.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      const teams = (await env.inject('GET', '/api/volunteer-teams', { cookie: world.secretary })).body(
        teamPageSchema,
      );
      expect(teams.items).toEqual([expect.objectContaining({ id: world.team.id, volunteers: 5 })]);
    });

    it('fills a shift, keeps a waiting list that moves up on cancellation, and enforces the cut-off', async () => {
      const activity = (
        await create(world.secretary, activityBody(env, world.team.id, { startsIn: 5, needed: 2, cutoff: 2 }))
      ).body(activitySchema);
      const shift = activity.shifts[0]!.id;
      const [a, b, c, d] = world.volunteers;
      const first = (await signUp(activity.id, shift, a!.id)).body(signupSchema);
      expect(first.status).toBe('confirmed');
      expect((await signUp(activity.id, shift, b!.id)).body(signupSchema).status).toBe('confirmed');
      expect((await signUp(activity.id, shift, d!.id)).body(signupSchema).status).toBe('waitlisted');
      const own = await env.inject('POST', '/api/me/volunteering/signups', {
        cookie: c!.cookie,
        body: { activityId: activity.id, shiftId: shift },
      });
      expect(own.status).toBe(201);
      const waiting = own.body(signupSchema);
      expect(waiting.status).toBe('waitlisted');
      const again = await signUp(activity.id, shift, a!.id);
      expect(again.status).toBe(409);
      expect(again.error.code).toBe('volunteer.already_signed_up');
      const detailOf = async () =>
        (
          await env.inject('GET', `/api/volunteer-activities/${activity.id}`, { cookie: world.secretary })
        ).body(activityDetailSchema);
      let detail = await detailOf();
      expect(detail.signups.find((s) => s.volunteerId === c!.id)?.waitlistPosition).toBe(2);
      // A confirmed volunteer cancels their own place: the first on the waiting list (d) moves up.
      const cancel = await env.inject('POST', `/api/me/volunteering/signups/${first.id}/cancel`, {
        cookie: a!.cookie,
      });
      expect(cancel.status).toBe(200);
      detail = await detailOf();
      const statusOf = (id: string) =>
        detail.signups.find((s) => s.volunteerId === id && s.status !== 'cancelled')?.status;
      expect(statusOf(d!.id)).toBe('confirmed');
      expect(detail.signups.find((s) => s.volunteerId === c!.id)?.waitlistPosition).toBe(1);
      expect(detail.activity.shifts[0]).toMatchObject({ confirmed: 2, waitlisted: 1 });
      // Someone else's sign-up is not theirs to cancel.
      const notMine = await env.inject('POST', `/api/me/volunteering/signups/${waiting.id}/cancel`, {
        cookie: a!.cookie,
      });
      expect(notMine.status).toBe(404);
      // Inside the cut-off (two hours before the start) a volunteer can no longer cancel a place.
      const bSignup = detail.signups.find((s) => s.volunteerId === b!.id)!;
      env.advanceMinutes(3 * 60 + 30);
      const late = await env.inject('POST', `/api/me/volunteering/signups/${bSignup.id}/cancel`, {
        cookie: b!.cookie,
      });
      expect(late.status).toBe(409);
      expect(late.error.code).toBe('volunteer.cancel_cutoff');
      // Waiting is no place: leaving the waiting list is always possible.
      const leave = await env.inject('POST', `/api/me/volunteering/signups/${waiting.id}/cancel`, {
        cookie: c!.cookie,
      });
      expect(leave.status).toBe(200);
    });

    it('refuses a sign-up that collides with another, and one without the qualification', async () => {
      const first = (await create(world.secretary, activityBody(env, world.team.id, { startsIn: 50 }))).body(
        activitySchema,
      );
      const second = (
        await create(
          world.secretary,
          activityBody(env, world.team.id, { startsIn: 51, mode: 'qualified', skills: ['急救证'] }),
        )
      ).body(activitySchema);
      const e = world.volunteers[4]!;
      expect((await signUp(first.id, first.shifts[0]!.id, e.id)).status).toBe(201);
      const clash = await signUp(second.id, second.shifts[0]!.id, e.id);
      expect(clash.status).toBe(409);
      expect(clash.error.code).toBe('volunteer.collision');
      expect(clash.error.message).toContain('楼道清扫日');
      const unqualified = await signUp(second.id, second.shifts[0]!.id, world.volunteers[1]!.id);
      expect(unqualified.status).toBe(409);
      expect(unqualified.error.code).toBe('volunteer.not_qualified');
      expect(unqualified.error.message).toContain('急救证');
      expect(
        (await signUp(second.id, second.shifts[0]!.id, world.volunteers[0]!.id)).body(signupSchema).status,
      ).toBe('confirmed');
    });

    it('holds sign-ups of an approval activity for the leader', async () => {
      const activity = (
        await create(world.secretary, activityBody(env, world.team.id, { startsIn: 80, mode: 'approval' }))
      ).body(activitySchema);
      const own = await env.inject('POST', '/api/me/volunteering/signups', {
        cookie: world.volunteers[2]!.cookie,
        body: { activityId: activity.id, shiftId: activity.shifts[0]!.id },
      });
      const pending = own.body(signupSchema);
      expect(pending.status).toBe('pending');
      const outside = await env.inject('POST', `/api/volunteer-signups/${pending.id}/decision`, {
        cookie: otherCommunity,
        body: { decision: 'confirm' },
      });
      expect(outside.status).toBe(404);
      const bad = await env.inject('POST', `/api/volunteer-signups/${pending.id}/decision`, {
        cookie: world.secretary,
        body: { decision: 'maybe' },
      });
      expect(bad.error.fields?.[0]?.path).toBe('decision');
      const decided = await env.inject('POST', `/api/volunteer-signups/${pending.id}/decision`, {
        cookie: world.secretary,
        body: { decision: 'confirm' },
      });
      expect(decided.body(signupSchema).status).toBe('confirmed');
      const twice = await env.inject('POST', `/api/volunteer-signups/${pending.id}/decision`, {
        cookie: world.secretary,
        body: { decision: 'reject' },
      });
      expect(twice.error.code).toBe('volunteer.not_pending');
    });
  }, // Sessions outlive the hours the tests move the clock on.
  { LIANXIN_SESSION_IDLE_MINUTES: '1440' },
);
