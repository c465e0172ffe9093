import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import {
  activityDetailSchema,
  activitySchema,
  certificateSchema,
  checkInCodeSchema,
  myVolunteeringSchema,
  signupListSchema,
  signupSchema,
  verificationSchema,
} from '../../../shared/api/volunteering.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { HoursService } from './hours.service.js';
import { activityBody, type VolunteerWorld, volunteerWorld } from './testing.js';
import type { CreditRequest } from './volunteer-hours-credit.js';

describeEachDialect(
  'volunteering: check-in by rotating code, no-shows, hours, certificates',
  (env) => {
    let world: VolunteerWorld;
    let otherCommunity = '';
    let activity: { id: string; shifts: { id: string }[] };
    const signupIds: Record<string, string> = {};

    beforeAll(async () => {
      world = await volunteerWorld(env, QINGNIAN, 5);
      otherCommunity = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
      activity = (
        await env.inject('POST', '/api/volunteer-activities', {
          cookie: world.secretary,
          body: activityBody(env, world.team.id, { startsIn: 0.5, hours: 2, needed: 4 }),
        })
      ).body(activitySchema);
      for (const v of world.volunteers.slice(0, 4)) {
        const response = await env.inject('POST', `/api/volunteer-activities/${activity.id}/signups`, {
          cookie: world.secretary,
          body: { shiftId: activity.shifts[0]!.id, volunteerId: v.id },
        });
        signupIds[v.id] = response.body(signupSchema).id;
      }
      env.advanceMinutes(30);
    });

    const code = async () =>
      (
        await env.inject('GET', `/api/volunteer-activities/${activity.id}/check-in-code`, {
          cookie: world.secretary,
        })
      ).body(checkInCodeSchema);
    const scan = (cookie: string, value: string, action = 'check_in') =>
      env.inject('POST', '/api/me/volunteering/check-in', {
        cookie,
        body: { activityId: activity.id, code: value, action },
      });

    it('accepts the rotating code within its minute, refuses it after, and refuses a second check-in', async () => {
      const [a, b, c] = world.volunteers;
      const shown = await code();
      expect(shown.code).toMatch(/^\d{6}$/);
      expect(Date.parse(shown.validUntil) - env.now().getTime()).toBeLessThanOrEqual(60_000);
      env.advanceMinutes(0.5);
      const first = await scan(a!.cookie!, shown.code);
      expect(first.status).toBe(200);
      expect(first.body(signupSchema).checkedInAt).not.toBeNull();
      const twice = await scan(a!.cookie!, (await code()).code);
      expect(twice.status).toBe(409);
      expect(twice.error.code).toBe('volunteer.already_checked_in');
      const old = await code();
      env.advanceMinutes(61 / 60);
      const screenshot = await scan(b!.cookie!, old.code);
      expect(screenshot.status).toBe(400);
      expect(screenshot.error.fields?.[0]?.path).toBe('code');
      const wrong = await scan(b!.cookie!, old.code === '000000' ? '000001' : '000000');
      expect(wrong.status).toBe(400);
      expect((await scan(b!.cookie!, (await code()).code)).status).toBe(200);
      // The leader checks the third in by hand; the code screen is the leader's alone.
      const byLeader = await env.inject('POST', `/api/volunteer-signups/${signupIds[c!.id]}/attendance`, {
        cookie: world.secretary,
        body: { action: 'check_in' },
      });
      expect(byLeader.body(signupSchema).checkedInAt).not.toBeNull();
      const again = await env.inject('POST', `/api/volunteer-signups/${signupIds[c!.id]}/attendance`, {
        cookie: world.secretary,
        body: { action: 'check_in' },
      });
      expect(again.error.code).toBe('volunteer.already_checked_in');
      expect(
        (
          await env.inject('GET', `/api/volunteer-activities/${activity.id}/check-in-code`, {
            cookie: a!.cookie,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await env.inject('GET', `/api/volunteer-activities/${activity.id}/check-in-code`, {
            cookie: otherCommunity,
          })
        ).status,
      ).toBe(404);
    });

    it('counts no-shows and takes walk-ins', async () => {
      const d = world.volunteers[3]!;
      const bad = await env.inject('POST', `/api/volunteer-signups/${signupIds[d.id]}/attendance`, {
        cookie: world.secretary,
        body: { action: 'absent' },
      });
      expect(bad.error.fields?.[0]?.path).toBe('action');
      const noShow = await env.inject('POST', `/api/volunteer-signups/${signupIds[d.id]}/attendance`, {
        cookie: world.secretary,
        body: { action: 'no_show' },
      });
      expect(noShow.body(signupSchema).noShow).toBe(true);
      const walkIn = await env.inject('POST', `/api/volunteer-activities/${activity.id}/walk-ins`, {
        cookie: world.secretary,
        body: { shiftId: activity.shifts[0]!.id, volunteerId: world.volunteers[4]!.id },
      });
      expect(walkIn.status).toBe(201);
      expect(walkIn.json).toMatchObject({ walkIn: true, status: 'confirmed' });
      signupIds.walkIn = walkIn.body(signupSchema).id;
      const detail = (
        await env.inject('GET', `/api/volunteer-activities/${activity.id}`, { cookie: world.secretary })
      ).body(activityDetailSchema);
      expect(detail.activity.noShows).toBe(1);
    });

    it('computes hours from check-in and out, confirms them once, and shows them on the cockpit', async () => {
      const [a, b, c, d] = world.volunteers;
      env.advanceMinutes(90);
      const out = await scan(a!.cookie!, (await code()).code, 'check_out');
      expect(out.status).toBe(200);
      const outMinutes = out.body(signupSchema).minutes ?? 0;
      expect(outMinutes).toBeGreaterThanOrEqual(90);
      const outTwice = await scan(a!.cookie!, (await code()).code, 'check_out');
      expect(outTwice.error.code).toBe('volunteer.already_checked_out');
      const confirm = (body: unknown) =>
        env.inject('POST', `/api/volunteer-activities/${activity.id}/hours/confirm`, {
          cookie: world.secretary,
          body,
        });
      const noMinutes = await confirm({ items: [{ signupId: signupIds[b!.id] }] });
      expect(noMinutes.error.fields?.[0]?.path).toBe('items.0.minutes');
      const noShow = await confirm({ items: [{ signupId: signupIds[d!.id], minutes: 60 }] });
      expect(noShow.error.fields?.[0]?.path).toBe('items.0.signupId');
      expect(
        (await confirm({ items: [{ signupId: signupIds[a!.id], rating: 6 }] })).error.fields?.[0]?.path,
      ).toBe('items.0.rating');
      expect((await confirm({ items: [] })).error.fields?.[0]?.path).toBe('items');
      const done = await confirm({
        items: [
          { signupId: signupIds[a!.id], rating: 5, remark: '认真负责' },
          { signupId: signupIds[b!.id], minutes: 100 },
          { signupId: signupIds[c!.id], minutes: 110 },
        ],
      });
      expect(done.status).toBe(200);
      expect(done.body(signupListSchema).items.map((s) => s.confirmed)).toEqual([true, true, true]);
      const twice = await confirm({ items: [{ signupId: signupIds[a!.id] }] });
      expect(twice.status).toBe(409);
      expect(twice.error.code).toBe('volunteer.already_confirmed');
      const outside = await env.inject('POST', `/api/volunteer-activities/${activity.id}/hours/confirm`, {
        cookie: otherCommunity,
        body: { items: [{ signupId: signupIds[c!.id], minutes: 10 }] },
      });
      expect(outside.status).toBe(404);
      const mine = (await env.inject('GET', '/api/me/volunteering', { cookie: b!.cookie })).body(
        myVolunteeringSchema,
      );
      expect(mine.confirmedMinutes).toBe(100);
      expect(mine.services[0]).toMatchObject({ confirmed: true, minutes: 100 });
      const cockpit = (
        await env.inject('GET', `/api/cockpit?region=${QINGNIAN}&months=1`, { cookie: world.secretary })
      ).body(cockpitSchema);
      expect(cockpit.values.volunteer_hours).toBeGreaterThanOrEqual(Math.floor((outMinutes + 210) / 60));
    });

    it('enters hours after the fact and credits each confirmed sign-up once to the time bank', async () => {
      const credited: CreditRequest[] = [];
      const hours = new HoursService(env.ctx, async (_trx, request) => {
        credited.push(request);
      });
      const scope = new Scope([DISTRICT], env.dialect);
      const e = world.volunteers[4]!;
      const done = await hours.bulk(
        scope,
        activity.id,
        { entries: [{ shiftId: activity.shifts[0]!.id, volunteerId: e.id, minutes: 95 }] },
        SYSTEM_ACTOR,
      );
      expect(done[0]!.id).toBe(signupIds.walkIn);
      expect(credited).toEqual([
        {
          fromAccount: { ownerKind: 'organization', ownerId: world.team.id },
          toAccount: { ownerKind: 'person', ownerId: e.personId },
          minutes: 95,
          ref: `volunteer_signup:${signupIds.walkIn}`,
        },
      ]);
      await expect(
        hours.bulk(
          scope,
          activity.id,
          { entries: [{ shiftId: activity.shifts[0]!.id, volunteerId: e.id, minutes: 95 }] },
          SYSTEM_ACTOR,
        ),
      ).rejects.toMatchObject({ code: 'volunteer.already_confirmed' });
      expect(credited).toHaveLength(1);
      const badBulk = await env.inject('POST', `/api/volunteer-activities/${activity.id}/hours/bulk`, {
        cookie: world.secretary,
        body: { entries: [{ shiftId: activity.shifts[0]!.id, volunteerId: e.id, minutes: 0 }] },
      });
      expect(badBulk.error.fields?.[0]?.path).toBe('entries.0.minutes');
    });

    it('issues a certificate whose serial the public page confirms, revealing nothing else', async () => {
      const a = world.volunteers[0]!;
      const dateAt = (offsetMs: number) =>
        new Date(env.now().getTime() + 8 * 3_600_000 + offsetMs).toISOString().slice(0, 10);
      // The service began a few hours ago: from yesterday to today holds it whatever the hour.
      const [yesterday, today] = [dateAt(-86_400_000), dateAt(0)];
      const none = await env.inject('POST', `/api/volunteers/${world.volunteers[3]!.id}/certificates`, {
        cookie: world.secretary,
        body: { from: today, to: today },
      });
      expect(none.error.code).toBe('volunteer.no_service');
      const issued = await env.inject('POST', `/api/volunteers/${a.id}/certificates`, {
        cookie: world.secretary,
        body: { from: yesterday, to: today },
      });
      expect(issued.status).toBe(201);
      const certificate = issued.body(certificateSchema);
      expect(certificate.serial).toMatch(/^ZY-230108-\d{8}-[A-Z0-9]{6}$/);
      // Without the issuer's words, the content is what the services were.
      expect(certificate.content).toContain('：');
      const tooLong = await env.inject('POST', `/api/volunteers/${a.id}/certificates`, {
        cookie: world.secretary,
        body: { from: yesterday, to: today, content: '清'.repeat(501) },
      });
      expect(tooLong.error.fields?.map((f) => f.path)).toEqual(['content']);
      const worded = await env.inject('POST', `/api/volunteers/${a.id}/certificates`, {
        cookie: world.secretary,
        body: { from: yesterday, to: today, content: '  楼道清雪，帮独居老人清出通道  ' },
      });
      expect(worded.body(certificateSchema)).toMatchObject({
        content: '楼道清雪，帮独居老人清出通道',
        minutes: certificate.minutes,
      });
      const verified = await env.inject('GET', `/api/public/volunteer-certificates/${certificate.serial}`);
      expect(verified.status).toBe(200);
      // Strict: a key beyond the schema's would fail the parse, not be dropped by it.
      const confirmed = verified.body(verificationSchema.strict());
      expect(Object.keys(confirmed).sort()).toEqual(['hours', 'issuedOn', 'name', 'organization', 'serial']);
      const name = world.people[0]!.name;
      expect(confirmed.name).toBe(`${[...name][0]}${'*'.repeat([...name].length - 1)}`);
      expect(confirmed.organization).toBe(world.team.name);
      const unknown = await env.inject('GET', '/api/public/volunteer-certificates/ZY-230108-20260101-AAAAAA');
      expect(unknown.status).toBe(404);
      const malformed = await env.inject('GET', '/api/public/volunteer-certificates/abc');
      expect(malformed.status).toBe(400);
      const pdf = await env.inject('GET', `/api/volunteer-certificates/${certificate.id}/pdf`, {
        cookie: world.secretary,
      });
      expect([200, 503]).toContain(pdf.status);
      if (pdf.status === 200) expect(pdf.headers['content-type']).toBe('application/pdf');
      const own = await env.inject('GET', `/api/me/volunteering/certificates/${certificate.id}/pdf`, {
        cookie: world.volunteers[1]!.cookie,
      });
      expect(own.status).toBe(404);
      const outside = await env.inject('GET', `/api/volunteer-certificates/${certificate.id}/pdf`, {
        cookie: otherCommunity,
      });
      expect(outside.status).toBe(404);
    });
  },
  { LIANXIN_SESSION_IDLE_MINUTES: '1440' },
);
