import { expect, it } from 'vitest';
import { errorBodySchema } from '../../../shared/api/common.js';
import { managedUserSchema, meSchema } from '../../../shared/api/users.js';
import { ADMIN_PASSWORD, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';

describeEachDialect('login and sessions', (env) => {
  it('refuses a wrong password with 401 and a localized message', async () => {
    const zh = await env.inject('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'wrong-Pass-1' },
    });
    expect(zh.status).toBe(401);
    expect(zh.json).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    expect(zh.error.requestId).toEqual(expect.any(String));
    const en = await env.inject('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'wrong-Pass-1' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.error.message).toBe('Wrong username or password');
    await env.login('admin', ADMIN_PASSWORD); // resets the failure count for later tests
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const response = await env.inject('POST', '/api/auth/login', {
      body: { username: 'nobody', password: 'x' },
    });
    expect(response.status).toBe(401);
    expect(response.error.code).toBe('auth.invalid_credentials');
  });

  it('locks an account for 15 minutes after 5 failures, the same for unknown users', async () => {
    const user = await env.createUser();
    for (const username of [user.username, 'ghost_user']) {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await env.inject('POST', '/api/auth/login', {
          body: { username, password: 'Wrong-pass-99' },
        });
        expect(r.status).toBe(401);
        codes.push(r.error.code);
      }
      expect(codes).toEqual([...Array(4).fill('auth.invalid_credentials'), 'auth.locked']);
    }
    // Even the right password is refused while locked.
    const locked = await env.inject('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(locked.error.code).toBe('auth.locked');
    const ghost = await env.inject('POST', '/api/auth/login', {
      body: { username: 'ghost_user', password: 'x' },
    });
    expect(ghost.error.code).toBe('auth.locked');
    env.advanceMinutes(16);
    expect(await env.login(user.username, user.password)).toMatch(/^lianxin_session=/);
  });

  it('rejects malformed JSON, an oversized body and a missing field without a 500', async () => {
    const malformed = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(errorBodySchema.parse(malformed.json()).code).toBe('request.malformed_json');

    const oversized = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(oversized.statusCode).toBe(413);
    expect(errorBodySchema.parse(oversized.json()).code).toBe('request.too_large');

    const missing = await env.inject('POST', '/api/auth/login', { body: { username: 'admin' } });
    expect(missing.status).toBe(400);
    expect(missing.error.fields).toEqual([{ path: 'password', message: '必填' }]);
  });

  it('requires a session for protected routes and expires it after 30 idle minutes', async () => {
    const anonymous = await env.inject('GET', '/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.error.code).toBe('auth.required');

    const cookie = await env.loginAdmin();
    expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(200);
    env.advanceMinutes(29);
    expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(200);
    env.advanceMinutes(31);
    const expired = await env.inject('GET', '/api/auth/me', { cookie });
    expect(expired.status).toBe(401);
    expect(expired.error.code).toBe('auth.session_expired');
    // The expired session is gone on the server, not just refused once.
    expect((await env.inject('GET', '/api/auth/me', { cookie })).error.code).toBe('auth.required');
  });

  it('applies roles granted or revoked to a signed-in user from their next request, all of them', async () => {
    const admin = await env.loginAdmin();
    const user = await env.createUser({ role: 'secretary', regionCode: QINGNIAN });
    const cookie = await env.login(user.username, user.password);
    const regionRead = async () =>
      (await env.inject('GET', '/api/auth/me', { cookie })).body(meSchema).permissions['region.read'];
    expect(await regionRead()).toEqual([QINGNIAN]);
    const granted = await env.inject('POST', `/api/users/${user.id}/roles`, {
      cookie: admin,
      body: { role: 'secretary', regionCode: SHANGHAI_XINCUN },
    });
    expect(granted.status).toBe(201);
    expect([...((await regionRead()) ?? [])].sort()).toEqual([QINGNIAN, SHANGHAI_XINCUN]);
    const roles = (await env.inject('GET', `/api/users/${user.id}`, { cookie: admin })).body(
      managedUserSchema,
    ).roles;
    for (const role of roles) {
      const revoked = await env.inject('DELETE', `/api/users/${user.id}/roles/${role.id}`, { cookie: admin });
      expect(revoked.status).toBe(204);
    }
    // Signed in with no role at all: still signed in, allowed nothing.
    const me = await env.inject('GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body(meSchema).permissions).toEqual({});
    expect((await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie })).status).toBe(403);
  });

  it('sets an httpOnly, SameSite=Lax cookie with a fresh 256-bit token at every login', async () => {
    const first = await env.inject('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const second = await env.inject('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const cookieOf = (r: typeof first) => String([r.headers['set-cookie']].flat()[0]);
    expect(cookieOf(first)).toMatch(/HttpOnly/);
    expect(cookieOf(first)).toMatch(/SameSite=Lax/);
    expect(cookieOf(first)).not.toMatch(/Secure/); // plain HTTP here; Secure is set behind TLS
    const token = (r: typeof first) => cookieOf(r).split(';')[0]!.split('=')[1]!;
    expect(token(first)).not.toBe(token(second));
    expect(Buffer.from(token(first), 'base64url').length).toBe(32);
    // The database keeps only a hash of the token.
    const stored = await env.database.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(token(first));
  });

  it('ends the session on the server at logout', async () => {
    const cookie = await env.loginAdmin();
    expect((await env.inject('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('refuses cross-site state changes', async () => {
    const cookie = await env.loginAdmin();
    const evil = await env.inject('POST', '/api/auth/logout', {
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.error.code).toBe('auth.cross_site');
    const fetchMeta = await env.inject('POST', '/api/auth/logout', {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMeta.status).toBe(403);
    const sameOrigin = await env.inject('POST', '/api/auth/logout', {
      cookie,
      headers: { origin: 'http://localhost:80' },
    });
    expect(sameOrigin.status).toBe(204);
  });

  it('marks API answers no-store', async () => {
    const cookie = await env.loginAdmin();
    const me = await env.inject('GET', '/api/auth/me', { cookie });
    expect(me.headers['cache-control']).toBe('no-store');
  });
});

describeEachDialect('changing passwords', (env) => {
  it('rejects a weak new password naming the field, and a wrong current password', async () => {
    const user = await env.createUser();
    const cookie = await env.login(user.username, user.password);
    const weak = await env.inject('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: user.password, newPassword: 'short1A' },
    });
    expect(weak.status).toBe(400);
    expect(weak.error.fields).toEqual([{ path: 'newPassword', message: '密码至少需要 10 个字符' }]);
    const oneClass = await env.inject('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: user.password, newPassword: 'alllowercaseletters' },
    });
    expect(oneClass.error.fields?.[0]?.path).toBe('newPassword');
    const wrong = await env.inject('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: 'Not-the-password-1', newPassword: 'Brand-new-pass-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.error.fields).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
  });

  it('refuses a common password, an obvious variant of one, and one containing the username', async () => {
    const user = await env.createUser({ username: 'gaoyuanfeng' });
    const cookie = await env.login(user.username, user.password);
    for (const newPassword of ['Password123', 'P@ssw0rd!!', 'Qwerty12345', 'Woaini1314!']) {
      const common = await env.inject('POST', '/api/auth/password', {
        cookie,
        body: { currentPassword: user.password, newPassword },
      });
      expect(common.status, newPassword).toBe(400);
      expect(common.error.fields).toEqual([
        { path: 'newPassword', message: '密码过于常见，容易被猜中，请换一个' },
      ]);
    }
    const english = await env.inject('POST', '/api/auth/password', {
      cookie,
      headers: { 'accept-language': 'en' },
      body: { currentPassword: user.password, newPassword: 'P@ssw0rd!!' },
    });
    expect(english.error.fields).toEqual([
      { path: 'newPassword', message: 'This password is too common and easily guessed; choose another' },
    ]);
    const named = await env.inject('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: user.password, newPassword: 'GaoYuanFeng-77!' },
    });
    expect(named.status).toBe(400);
    expect(named.error.fields).toEqual([{ path: 'newPassword', message: '密码不能包含用户名' }]);
    // Nothing changed: the old password still works.
    expect(await env.login(user.username, user.password)).toMatch(/^lianxin_session=/);
  });

  it('ends every other session on a password change and keeps this client logged in', async () => {
    const user = await env.createUser();
    const phone = await env.login(user.username, user.password);
    const desk = await env.login(user.username, user.password);
    const changed = await env.inject('POST', '/api/auth/password', {
      cookie: desk,
      body: { currentPassword: user.password, newPassword: 'Brand-new-pass-1' },
    });
    expect(changed.status).toBe(204);
    const renewed = String([changed.headers['set-cookie']].flat()[0]).split(';')[0]!;
    expect((await env.inject('GET', '/api/auth/me', { cookie: phone })).status).toBe(401);
    expect((await env.inject('GET', '/api/auth/me', { cookie: desk })).status).toBe(401);
    expect((await env.inject('GET', '/api/auth/me', { cookie: renewed })).status).toBe(200);
    expect(await env.login(user.username, 'Brand-new-pass-1')).toMatch(/^lianxin_session=/);
  });

  it('ends the sessions of a disabled account at once', async () => {
    const admin = await env.loginAdmin();
    const user = await env.createUser();
    const cookie = await env.login(user.username, user.password);
    const disabled = await env.inject('PATCH', `/api/users/${user.id}`, {
      cookie: admin,
      body: { status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(401);
    const again = await env.inject('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(again.error.code).toBe('auth.invalid_credentials');
  });
});

describeEachDialect(
  'login rate limit',
  (env) => {
    it('answers 429 with a localized error once the per-minute limit is used up', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await env.inject('POST', '/api/auth/login', { body: { username: 'x', password: 'y' } })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await env.inject('POST', '/api/auth/login', { body: { username: 'x', password: 'y' } });
      expect(limited.error.code).toBe('auth.rate_limited');
    });
  },
  { LIANXIN_LOGIN_RATE_LIMIT: '3' },
);
