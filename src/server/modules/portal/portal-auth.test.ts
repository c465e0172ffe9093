import { beforeAll, describe, expect, it } from 'vitest';
import { meSchema } from '../../../shared/api/portal.js';
import { regionAt } from '../../../shared/region-code.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';
import {
  codeTextedTo,
  deliverTexts,
  newPhone,
  requestCode,
  residentCookieOf,
  residentLogin,
  signIn,
} from './testing.js';

/** Another six-digit code than the right one. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEachDialect('portal sign-in: bad input', (env) => {
  it('refuses a number that is not a mainland mobile, naming the field', async () => {
    for (const phone of ['12345', '23812345678', '1381234567x', '']) {
      const response = await requestCode(env, phone);
      expect(response.status).toBe(400);
      expect(response.error.fields).toEqual([{ path: 'phone', message: '请输入正确的 11 位手机号' }]);
    }
    expect(await env.countRows('otp_codes')).toBe(0);
    expect(await env.countRows('notifications')).toBe(0);
  });

  it('refuses a code that is not six digits, naming the field', async () => {
    const response = await signIn(env, newPhone(), '12345');
    expect(response.status).toBe(400);
    expect(response.error.fields?.[0]).toMatchObject({ path: 'code', message: '验证码为 6 位数字' });
  });

  it('refuses a sign-in without any code sent', async () => {
    const response = await signIn(env, newPhone(), '123456');
    expect(response.status).toBe(401);
    expect(response.error.code).toBe('portal.code_invalid');
    expect(await env.countRows('resident_accounts')).toBe(0);
  });

  it('accepts a number in the shapes people type it', async () => {
    const response = await requestCode(env, '+86 139-0000-8888');
    expect(response.status).toBe(202);
    const texts = await deliverTexts(env);
    expect(texts.at(-1)?.phone).toBe('13900008888');
  });
});

describeEachDialect('portal sign-in: codes', (env) => {
  it('answers every valid number the same way, known or not (no enumeration)', async () => {
    const known = newPhone();
    await residentLogin(env, known);
    env.advanceMinutes(2); // past the once-a-minute limit of the known number
    const forKnown = await requestCode(env, known);
    const forUnknown = await requestCode(env, newPhone());
    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    expect(forKnown.json).toEqual(forUnknown.json);
    expect(forKnown.json).toEqual({ sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
  });

  it('keeps only a keyed hash of the code: neither the code nor the number is stored in clear', async () => {
    const phone = newPhone();
    await requestCode(env, phone);
    const code = await codeTextedTo(env, phone);
    const db = env.database.db;
    const stored = JSON.stringify([
      await db.selectFrom('otp_codes').selectAll().execute(),
      await db.selectFrom('notifications').selectAll().execute(),
      await db.selectFrom('audit_log').selectAll().execute(),
    ]);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(phone);
    // The SMS itself carries it, as the console provider prints it.
    const texts = await deliverTexts(env);
    expect(texts.find((m) => m.phone === phone)?.text).toContain(`您的登录验证码为 ${code}`);
  });

  it('signs in with the code: an httpOnly, SameSite=Lax cookie for the portal API only', async () => {
    const phone = newPhone();
    await requestCode(env, phone);
    const code = await codeTextedTo(env, phone);
    const response = await signIn(env, phone, code);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      name: null,
      homeRegionCode: null,
      elderMode: null,
      suggestElderMode: false,
    });
    const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('lianxin_resident='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/api\/portal/);
    expect(setCookie).not.toMatch(/Secure/i); // plain HTTP here; Secure over TLS
    const cookie = residentCookieOf(response)!;
    const { phone: masked } = response.body(meSchema);
    expect((await env.inject('GET', '/api/portal/me', { cookie })).body(meSchema).phone).toBe(masked);

    // The session is stored as the token's hash only.
    const sessions = await env.database.db.selectFrom('resident_sessions').select('id').execute();
    expect(sessions.map((s) => s.id)).not.toContain(cookie.split('=')[1]);

    // A code works once.
    const again = await signIn(env, phone, code);
    expect(again.status).toBe(401);
    expect(again.error.code).toBe('portal.code_invalid');

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary', 'actor_name'])
      .where('action', '=', 'portal.login')
      .execute();
    const own = audit.find((row) => row.summary.includes(masked));
    expect(own).toBeDefined();
    expect(JSON.parse(own!.summary)).toMatchObject({ newAccount: true });
    expect(own!.actor_name).toBe(`resident:${masked}`);
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('creates one account per number, at the first sign-in only', async () => {
    const phone = newPhone();
    const before = await env.countRows('resident_accounts');
    await residentLogin(env, phone);
    env.advanceMinutes(2);
    await residentLogin(env, phone);
    expect(await env.countRows('resident_accounts')).toBe(before + 1);
  });

  it('counts wrong codes: four tell how many tries are left, the fifth kills the code', async () => {
    const phone = newPhone();
    await requestCode(env, phone);
    const code = await codeTextedTo(env, phone);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await signIn(env, phone, wrongCode(code));
      expect(response.status).toBe(401);
      answers.push(response.error.message);
    }
    expect(answers).toEqual([
      '验证码不正确，还可以再试 4 次',
      '验证码不正确，还可以再试 3 次',
      '验证码不正确，还可以再试 2 次',
      '验证码不正确，还可以再试 1 次',
      '验证码输错次数过多，已失效，请重新获取',
    ]);
    const dead = await signIn(env, phone, code);
    expect(dead.status).toBe(401);
    expect(dead.error.code).toBe('portal.code_invalid');
    expect(residentCookieOf(dead)).toBeUndefined();
    const failures = await env.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'portal.login_failed')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(failures)).not.toContain(phone);
  });

  it('lets only the newest code sign in', async () => {
    const phone = newPhone();
    await requestCode(env, phone);
    const first = await codeTextedTo(env, phone);
    env.advanceMinutes(1.5);
    await requestCode(env, phone);
    const second = await codeTextedTo(env, phone);
    if (first !== second) expect((await signIn(env, phone, first)).status).toBe(401);
    expect((await signIn(env, phone, second)).status).toBe(200);
  });

  it('refuses a code after five minutes', async () => {
    const phone = newPhone();
    await requestCode(env, phone);
    const code = await codeTextedTo(env, phone);
    env.advanceMinutes(5);
    const expired = await signIn(env, phone, code);
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ code: 'portal.code_expired', message: '验证码已过期，请重新获取' });
  });

  it('sends one code a minute and five an hour to a number', async () => {
    const phone = newPhone();
    expect((await requestCode(env, phone)).status).toBe(202);
    const tooSoon = await requestCode(env, phone);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.json).toMatchObject({
      code: 'portal.code_too_soon',
      message: '验证码已发送，请 60 秒后再重新获取',
    });
    for (let i = 0; i < 4; i++) {
      env.advanceMinutes(1);
      expect((await requestCode(env, phone)).status).toBe(202);
    }
    env.advanceMinutes(1);
    const hourly = await requestCode(env, phone);
    expect(hourly.status).toBe(429);
    expect(hourly.error.code).toBe('portal.code_hourly_limit');
    // Another number is not held up by this one.
    expect((await requestCode(env, newPhone())).status).toBe(202);
    env.advanceMinutes(60);
    expect((await requestCode(env, phone)).status).toBe(202);
  });
});

describeEachDialect('portal sessions', (env) => {
  let people: { id: string; name: string; regionCode: string }[] = [];
  beforeAll(async () => {
    people = (await createResidents(env, QINGNIAN, 2)).people;
  });

  it('links the account to the register when exactly one resident of the district has the number', async () => {
    const person = await env.database.db
      .selectFrom('persons')
      .select(['name', 'phone_enc', 'region_code'])
      .where('id', '=', people[0]!.id)
      .executeTakeFirstOrThrow();
    const phone = env.ctx.crypto.decrypt('person.phone', person.phone_enc!);
    const cookie = await residentLogin(env, phone);
    const me = await env.inject('GET', '/api/portal/me', { cookie });
    // Whether elder mode is suggested depends on the generated resident's age and tags
    // (portal-elder-mode.test.ts covers it).
    expect(me.json).toMatchObject({
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      name: person.name,
      homeRegionCode: regionAt(person.region_code, 'grid'),
      elderMode: null,
    });
  });

  it('ends the session at logout', async () => {
    const cookie = await residentLogin(env, newPhone());
    expect((await env.inject('POST', '/api/portal/logout', { cookie })).status).toBe(204);
    const after = await env.inject('GET', '/api/portal/me', { cookie });
    expect(after.status).toBe(401);
    const logouts = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'portal.logout')
      .execute();
    expect(logouts).toHaveLength(1);
  });

  it('ends an idle session after the configured minutes', async () => {
    const cookie = await residentLogin(env, newPhone());
    env.advanceMinutes(env.config.sessionIdleMinutes - 1);
    expect((await env.inject('GET', '/api/portal/me', { cookie })).status).toBe(200);
    env.advanceMinutes(env.config.sessionIdleMinutes + 1);
    const expired = await env.inject('GET', '/api/portal/me', { cookie });
    expect(expired.status).toBe(401);
    expect(expired.error.code).toBe('auth.session_expired');
    expect([expired.headers['set-cookie']].flat().join()).toMatch(/lianxin_resident=;/);
  });

  it('refuses a made-up cookie', async () => {
    const response = await env.inject('GET', '/api/portal/me', { cookie: 'lianxin_resident=forged' });
    expect(response.status).toBe(401);
  });
});

describe('portal sign-in: per-address limit', () => {
  describeEachDialect(
    'rate limit',
    (env) => {
      it('answers 429 once the per-minute limit of the address is used up, on both steps', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await requestCode(env, newPhone())).status);
        expect(statuses).toEqual([202, 202, 202, 429]);
        const logins: number[] = [];
        for (let i = 0; i < 4; i++) logins.push((await signIn(env, newPhone(), '123456')).status);
        expect(logins).toEqual([401, 401, 401, 429]);
      });
    },
    { LIANXIN_LOGIN_RATE_LIMIT: '3' },
  );
});

describe('portal sessions: the same lifetime rules as staff sessions', () => {
  describeEachDialect(
    'resident session lifetime',
    (env) => {
      it('keeps an active session past the idle timeout but ends it at the absolute lifetime', async () => {
        const cookie = await residentLogin(env, newPhone());
        // Active every 20 seconds with a one-minute idle timeout: alive after five minutes.
        for (let i = 0; i < 15; i++) {
          env.advanceMinutes(1 / 3);
          expect((await env.inject('GET', '/api/portal/me', { cookie })).status).toBe(200);
        }
        // Active all along, yet two hours after sign-in (LIANXIN_SESSION_MAX_HOURS=2) it ends.
        for (let i = 0; i < 2 * 60 * 2; i++) {
          env.advanceMinutes(0.5);
          const me = await env.inject('GET', '/api/portal/me', { cookie });
          if (me.status !== 200) {
            expect(me.error.code).toBe('auth.session_expired');
            expect(i * 0.5 + 5).toBeGreaterThanOrEqual(119);
            return;
          }
        }
        throw new Error('the session outlived its absolute lifetime');
      });

      it('ends an idle session after the idle timeout', async () => {
        const cookie = await residentLogin(env, newPhone());
        env.advanceMinutes(1.5);
        const me = await env.inject('GET', '/api/portal/me', { cookie });
        expect(me.status).toBe(401);
        expect(me.error.code).toBe('auth.session_expired');
      });
    },
    { LIANXIN_SESSION_IDLE_MINUTES: '1', LIANXIN_SESSION_MAX_HOURS: '2' },
  );
});
