import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-env.js';
import { purgeStaleSignIns } from './stale-sign-ins.js';

const WRONG = 'Wrong-pass-99';

describeEachDialect('purging what sign-in leaves behind', (env) => {
  it('deletes expired sessions and day-old failure counts, keeps live ones and locks in force', async () => {
    const { db } = env.database;
    const stale = await env.createUser();
    await env.login(stale.username, stale.password);
    // Made-up usernames an attacker tried, a day and a bit ago.
    for (const name of ['ghost_one', 'ghost_two']) {
      await env.inject('POST', '/api/auth/login', { body: { username: name, password: WRONG } });
    }
    env.advanceMinutes(25 * 60);

    const live = await env.createUser();
    const liveCookie = await env.login(live.username, live.password);
    const locked = await env.createUser();
    for (let i = 0; i < 5; i++) {
      await env.inject('POST', '/api/auth/login', { body: { username: locked.username, password: WRONG } });
    }

    const purged = await purgeStaleSignIns(env.ctx, env.now());
    expect(purged.staffSessions).toBeGreaterThanOrEqual(1);
    expect(purged.throttles).toBe(2);
    const sessionsLeft = await db.selectFrom('sessions').select('user_id').execute();
    expect(sessionsLeft.map((s) => s.user_id)).not.toContain(stale.id);
    expect(sessionsLeft.map((s) => s.user_id)).toContain(live.id);
    expect((await env.inject('GET', '/api/auth/me', { cookie: liveCookie })).status).toBe(200);
    const throttles = await db.selectFrom('login_throttle').select('username').execute();
    expect(throttles.map((t) => t.username)).toEqual([locked.username]);

    // A day later the lock has run out and nobody tried again: its row goes too.
    env.advanceMinutes(25 * 60);
    expect((await purgeStaleSignIns(env.ctx, env.now())).throttles).toBe(1);
  });
});

describeEachDialect('guessing the current password from a session', (env) => {
  it('counts wrong current passwords with wrong logins and locks the account at the fifth', async () => {
    const user = await env.createUser();
    const cookie = await env.login(user.username, user.password);
    const change = (currentPassword: string) =>
      env.inject('POST', '/api/auth/password', {
        cookie,
        body: { currentPassword, newPassword: 'Brand-new-pass-1' },
      });
    for (let i = 0; i < 4; i++) {
      const wrong = await change(`Guess-number-${i}x`);
      expect(wrong.status).toBe(400);
      expect(wrong.error.fields).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    }
    const fifth = await change('Guess-number-5x');
    expect(fifth.status).toBe(429);
    expect(fifth.error.code).toBe('auth.locked');
    // The lock holds for the right password too, here and at the login; the session stays valid.
    expect((await change(user.password)).status).toBe(429);
    const login = await env.inject('POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(login.error.code).toBe('auth.locked');
    expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(200);

    const audited = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', user.id)
      .where('action', 'in', ['auth.password_check_failed', 'auth.locked'])
      .execute();
    expect(audited.map((row) => row.action).sort()).toEqual([
      'auth.locked',
      ...Array(4).fill('auth.password_check_failed'),
    ]);

    env.advanceMinutes(16);
    expect((await change(user.password)).status).toBe(204);
  });

  it('forgets earlier wrong guesses once the right current password is given', async () => {
    const user = await env.createUser();
    const cookie = await env.login(user.username, user.password);
    for (let i = 0; i < 4; i++) {
      await env.inject('POST', '/api/auth/password', {
        cookie,
        body: { currentPassword: `Guess-number-${i}x`, newPassword: 'Brand-new-pass-1' },
      });
    }
    // Right current password, new one refused by the policy: the count is cleared all the same.
    const weak = await env.inject('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: user.password, newPassword: 'short1A' },
    });
    expect(weak.status).toBe(400);
    const wrongLogin = await env.inject('POST', '/api/auth/login', {
      body: { username: user.username, password: WRONG },
    });
    expect(wrongLogin.error.code).toBe('auth.invalid_credentials');
  });
});
