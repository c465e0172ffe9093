import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-env.js';

describeEachDialect('absolute session lifetime (default 12 hours)', (env) => {
  it('ends a session 12 hours after login however active it is, and a new login works', async () => {
    const cookie = await env.loginAdmin();
    // A request every 20 minutes keeps the 30-minute idle timeout from ever striking.
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      env.advanceMinutes(20);
      expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(200);
    }
    env.advanceMinutes(21); // 12 h 01 min after login
    const expired = await env.inject('GET', '/api/auth/me', { cookie });
    expect(expired.status).toBe(401);
    expect(expired.error.code).toBe('auth.session_expired');
    expect((await env.inject('GET', '/api/auth/me', { cookie })).error.code).toBe('auth.required');
    const fresh = await env.loginAdmin();
    expect((await env.inject('GET', '/api/auth/me', { cookie: fresh })).status).toBe(200);
  });
});

describeEachDialect(
  'absolute session lifetime (LIANXIN_SESSION_MAX_HOURS)',
  (env) => {
    it('follows the configured lifetime', async () => {
      expect(env.config.sessionMaxHours).toBe(2);
      const cookie = await env.loginAdmin();
      for (let i = 0; i < 5; i++) {
        env.advanceMinutes(20);
        expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(200);
      }
      env.advanceMinutes(21);
      expect((await env.inject('GET', '/api/auth/me', { cookie })).error.code).toBe('auth.session_expired');
    });
  },
  { LIANXIN_SESSION_MAX_HOURS: '2' },
);

describeEachDialect(
  'a short idle timeout',
  (env) => {
    it('keeps a session that sends a request every 20 seconds alive past its first minute', async () => {
      const cookie = await env.loginAdmin();
      for (let i = 0; i < 15; i++) {
        env.advanceMinutes(1 / 3);
        const me = await env.inject('GET', '/api/auth/me', { cookie });
        expect(me.status, `request ${i + 1}, ${(i + 1) * 20} s after login`).toBe(200);
      }
    });

    it('still ends a session left idle longer than the timeout', async () => {
      const cookie = await env.loginAdmin();
      env.advanceMinutes(1 / 3);
      expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(200);
      env.advanceMinutes(1.5);
      expect((await env.inject('GET', '/api/auth/me', { cookie })).error.code).toBe('auth.session_expired');
    });
  },
  { LIANXIN_SESSION_IDLE_MINUTES: '1' },
);
