import { expect, it } from 'vitest';
import { loginSchema } from '../../../shared/api/auth.js';
import { SESSION_HINT_COOKIE } from '../../../shared/session-hint.js';
import { ADMIN_PASSWORD, describeEachDialect } from '../../testing/test-env.js';

const cookiesOf = (headers: Record<string, unknown>): string[] =>
  [headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
const hintOf = (headers: Record<string, unknown>) =>
  cookiesOf(headers).find((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`));

describeEachDialect('the session hint cookie', (env) => {
  it('is set with the session, readable by the page, and holds no secret', async () => {
    const login = await env.inject('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.status).toBe(200);
    const hint = hintOf(login.headers);
    expect(hint).toMatch(new RegExp(`^${SESSION_HINT_COOKIE}=1;`));
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/SameSite=Lax/i);
    // The session cookie itself stays first and httpOnly.
    expect(cookiesOf(login.headers)[0]).toMatch(/^lianxin_session=.*HttpOnly/i);
    expect(login.body(loginSchema).user.isMember).toBe(false);
  });

  it('is cleared on logout and when the server refuses a session that ended', async () => {
    const cookie = await env.loginAdmin();
    const logout = await env.inject('POST', '/api/auth/logout', { cookie });
    expect(logout.status).toBe(204);
    expect(hintOf(logout.headers)).toMatch(new RegExp(`^${SESSION_HINT_COOKIE}=;`));

    const stale = await env.loginAdmin();
    env.advanceMinutes(31);
    const expired = await env.inject('GET', '/api/auth/me', { cookie: stale });
    expect(expired.status).toBe(401);
    expect(hintOf(expired.headers)).toMatch(new RegExp(`^${SESSION_HINT_COOKIE}=;`));
  });
});
