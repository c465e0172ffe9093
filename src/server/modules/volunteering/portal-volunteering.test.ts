import { beforeAll, expect, it } from 'vitest';
import {
  activitySchema,
  certificateSchema,
  checkInCodeSchema,
  myVolunteeringSchema,
  signupListSchema,
  signupSchema,
} from '../../../shared/api/volunteering.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import { activityBody, residentOf, type VolunteerWorld, volunteerWorld } from './testing.js';

const PLACEHOLDER = '0190a0b0-0000-7000-8000-00000000abcd';

describeEachDialect('volunteering in the resident portal', (env) => {
  let world: VolunteerWorld;
  /** Portal sessions of the two volunteers who have no member login, and of a stranger. */
  let ana = '';
  let bo = '';
  let stranger = '';

  beforeAll(async () => {
    world = await volunteerWorld(env, QINGNIAN, 5);
    ana = await residentOf(env, world.volunteers[3]!.personId);
    bo = await residentOf(env, world.volunteers[4]!.personId);
    stranger = await residentLogin(env, newPhone());
  });

  const mine = async (cookie: string) => {
    const response = await env.inject('GET', '/api/portal/me/volunteering', { cookie });
    expect(response.status).toBe(200);
    return response.body(myVolunteeringSchema);
  };
  const createActivity = async (options: Parameters<typeof activityBody>[2]) => {
    const response = await env.inject('POST', '/api/volunteer-activities', {
      cookie: world.secretary,
      body: activityBody(env, world.team.id, options),
    });
    expect(response.status).toBe(201);
    return response.body(activitySchema);
  };
  const signUp = (cookie: string, activityId: string, shiftId: string) =>
    env.inject('POST', '/api/portal/me/volunteering/signups', { cookie, body: { activityId, shiftId } });
  const cancel = (cookie: string, signupId: string) =>
    env.inject('POST', `/api/portal/me/volunteering/signups/${signupId}/cancel`, { cookie });
  const checkIn = (cookie: string, body: Record<string, unknown>) =>
    env.inject('POST', '/api/portal/me/volunteering/check-in', { cookie, body });

  it('answers only a resident session, and a resident session only the portal', async () => {
    for (const [method, url] of [
      ['GET', '/api/portal/me/volunteering'],
      ['POST', '/api/portal/me/volunteering/check-in'],
      ['GET', `/api/portal/me/volunteering/certificates/${PLACEHOLDER}/pdf`],
    ] as const) {
      expect((await env.inject(method, url, { cookie: world.secretary })).status, url).toBe(401);
      expect((await env.inject(method, url)).status, url).toBe(401);
    }
    expect((await env.inject('GET', '/api/me/volunteering', { cookie: ana })).status).toBe(401);
  });

  it('shows a resident volunteer their team’s open activities, and a stranger none', async () => {
    const activity = await createActivity({ startsIn: 48 });
    const own = await mine(ana);
    expect(own.volunteers.map((v) => v.id)).toEqual([world.volunteers[3]!.id]);
    expect(own.openActivities.map((a) => a.id)).toContain(activity.id);
    expect(own.confirmedMinutes).toBe(0);
    const none = await mine(stranger);
    expect(none).toEqual({
      volunteers: [],
      services: [],
      certificates: [],
      confirmedMinutes: 0,
      openActivities: [],
    });
    const refused = await signUp(stranger, activity.id, activity.shifts[0]!.id);
    expect(refused.status).toBe(404);
    expect(refused.error.code).toBe('volunteer.no_volunteer_record');
  });

  it('refuses bad input on each field, in the resident’s language', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/portal/me/volunteering/signups', { activityId: 'x', shiftId: PLACEHOLDER }, 'activityId'],
      ['/api/portal/me/volunteering/signups', { activityId: PLACEHOLDER, shiftId: 'x' }, 'shiftId'],
      ['/api/portal/me/volunteering/signups', { activityId: PLACEHOLDER }, 'shiftId'],
      [
        '/api/portal/me/volunteering/check-in',
        { activityId: 'x', code: '123456', action: 'check_in' },
        'activityId',
      ],
      [
        '/api/portal/me/volunteering/check-in',
        { activityId: PLACEHOLDER, code: '12ab', action: 'check_in' },
        'code',
      ],
      [
        '/api/portal/me/volunteering/check-in',
        { activityId: PLACEHOLDER, code: '123456', action: 'jump' },
        'action',
      ],
    ];
    for (const [url, body, field] of cases) {
      const response = await env.inject('POST', url, { cookie: ana, body });
      expect(response.status, field).toBe(400);
      expect(
        response.error.fields?.map((f) => f.path),
        field,
      ).toContain(field);
    }
    const code = await env.inject('POST', '/api/portal/me/volunteering/check-in', {
      cookie: ana,
      body: { activityId: PLACEHOLDER, code: '12ab', action: 'check_in' },
    });
    expect(code.error.fields).toEqual([{ path: 'code', message: '签到码为 6 位数字' }]);
    const english = await env.inject('POST', '/api/portal/me/volunteering/check-in', {
      cookie: ana,
      body: { activityId: PLACEHOLDER, code: '12ab', action: 'check_in' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields).toEqual([{ path: 'code', message: 'the code is 6 digits' }]);
    for (const url of [
      '/api/portal/me/volunteering/signups/x/cancel',
      '/api/portal/me/volunteering/certificates/x/pdf',
    ]) {
      const response = await env.inject(url.endsWith('pdf') ? 'GET' : 'POST', url, { cookie: ana });
      expect(response.status, url).toBe(400);
      expect(response.error.fields?.map((f) => f.path)).toEqual(['params.id']);
    }
    expect(await env.countRows('volunteer_signups')).toBe(0);
  });

  it('keeps the waiting list: a full shift waits, a cancellation moves the next up', async () => {
    const activity = await createActivity({ startsIn: 24, needed: 1, cutoff: 2 });
    const shift = activity.shifts[0]!.id;
    const first = await signUp(ana, activity.id, shift);
    expect(first.status).toBe(201);
    expect(first.body(signupSchema)).toMatchObject({
      status: 'confirmed',
      volunteerId: world.volunteers[3]!.id,
    });
    const again = await signUp(ana, activity.id, shift);
    expect(again.status).toBe(409);
    expect(again.error.code).toBe('volunteer.already_signed_up');
    const second = await signUp(bo, activity.id, shift);
    expect(second.body(signupSchema).status).toBe('waitlisted');
    const ownService = (await mine(bo)).services.find((s) => s.signupId === second.body(signupSchema).id);
    expect(ownService).toMatchObject({ shiftId: shift, status: 'waitlisted', waitlistPosition: 1 });

    // Somebody else's sign-up does not exist for a resident.
    const foreign = await cancel(bo, first.body(signupSchema).id);
    expect(foreign.status).toBe(404);
    expect(foreign.error.code).toBe('volunteer.signup_not_found');
    expect((await cancel(stranger, first.body(signupSchema).id)).status).toBe(404);

    const cancelled = await cancel(ana, first.body(signupSchema).id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body(signupSchema).status).toBe('cancelled');
    const moved = (await mine(bo)).services.find((s) => s.signupId === second.body(signupSchema).id);
    expect(moved).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name'])
      .where('action', '=', 'volunteer.signup_cancelled')
      .where('target_id', '=', first.body(signupSchema).id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toMatch(/^resident:1\d\d\*{4}\d{4}$/);
  });

  it('refuses a cancellation after the cut-off', async () => {
    const activity = await createActivity({ startsIn: 1.5, cutoff: 2 });
    const placed = await signUp(bo, activity.id, activity.shifts[0]!.id);
    expect(placed.status).toBe(201);
    const late = await cancel(bo, placed.body(signupSchema).id);
    expect(late.status).toBe(409);
    expect(late.error.code).toBe('volunteer.cancel_cutoff');
  });

  it('checks a resident in and out with the leader’s rotating code, and shows the confirmed hours', async () => {
    const activity = await createActivity({ startsIn: 0.5, hours: 2, needed: 3 });
    const placed = await signUp(ana, activity.id, activity.shifts[0]!.id);
    expect(placed.status).toBe(201);
    // The code works from an hour before the shift; the clock moves less than a session's idle time.
    const code = async () => {
      const response = await env.inject('GET', `/api/volunteer-activities/${activity.id}/check-in-code`, {
        cookie: world.secretary,
      });
      return response.body(checkInCodeSchema).code;
    };
    const shown = await code();
    const wrong = await checkIn(ana, {
      activityId: activity.id,
      code: shown === '000000' ? '000001' : '000000',
      action: 'check_in',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.error.fields?.map((f) => f.path)).toEqual(['code']);
    const notHers = await checkIn(stranger, { activityId: activity.id, code: shown, action: 'check_in' });
    expect(notHers.status).toBe(404);
    const unsigned = await checkIn(bo, { activityId: activity.id, code: shown, action: 'check_in' });
    expect(unsigned.status).toBe(409);
    expect(unsigned.error.code).toBe('volunteer.no_signup_here');

    const inside = await checkIn(ana, { activityId: activity.id, code: shown, action: 'check_in' });
    expect(inside.status).toBe(200);
    expect(inside.body(signupSchema).checkedInAt).not.toBeNull();
    env.advanceMinutes(25);
    const out = await checkIn(ana, { activityId: activity.id, code: await code(), action: 'check_out' });
    expect(out.status).toBe(200);
    expect(out.body(signupSchema).minutes).toBe(25);
    const confirmed = await env.inject('POST', `/api/volunteer-activities/${activity.id}/hours/confirm`, {
      cookie: world.secretary,
      body: { items: [{ signupId: placed.body(signupSchema).id }] },
    });
    expect(confirmed.body(signupListSchema).items[0]!.confirmed).toBe(true);
    const own = await mine(ana);
    expect(own.confirmedMinutes).toBe(25);
    expect(own.services.find((s) => s.signupId === placed.body(signupSchema).id)).toMatchObject({
      confirmed: true,
      minutes: 25,
    });
  });

  it('lets a resident download their own certificate, and nobody else’s', async () => {
    const today = new Date(env.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const issued = await env.inject('POST', `/api/volunteers/${world.volunteers[3]!.id}/certificates`, {
      cookie: world.secretary,
      body: { from: today, to: today },
    });
    expect(issued.status).toBe(201);
    const certificate = issued.body(certificateSchema);
    expect((await mine(ana)).certificates.map((c) => c.serial)).toEqual([certificate.serial]);
    expect((await mine(bo)).certificates).toEqual([]);
    const url = `/api/portal/me/volunteering/certificates/${certificate.id}/pdf`;
    const pdf = await env.inject('GET', url, { cookie: ana });
    expect([200, 503]).toContain(pdf.status);
    if (pdf.status === 200) {
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const other of [bo, stranger]) {
      const refused = await env.inject('GET', url, { cookie: other });
      expect(refused.status).toBe(404);
      expect(refused.error.code).toBe('volunteer.certificate_not_found');
    }
  });
});
