import { expect, it } from 'vitest';
import { loginSchema } from '../../../shared/api/auth.js';
import { meSchema, userSchema } from '../../../shared/api/users.js';
import { ADMIN_PASSWORD, describeEachDialect, QINGNIAN, type TestEnv } from '../../testing/test-env.js';

/** The only staff routes a user who owes a password change may call. */
const OPEN_BEFORE_CHANGE = ['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password'];

/** An account an administrator created through the API with an initial password, and its session. */
async function createdByAdmin(env: TestEnv, username: string) {
  const admin = await env.loginAdmin();
  const password = 'Initial-Pass-2026';
  const created = await env.inject('POST', '/api/users', {
    cookie: admin,
    body: { username, password, displayName: username, regionCode: QINGNIAN },
  });
  expect(created.status).toBe(201);
  const { id } = created.body(userSchema);
  const role = await env.inject('POST', `/api/users/${id}/roles`, {
    cookie: admin,
    body: { role: 'secretary', regionCode: QINGNIAN },
  });
  expect(role.status).toBe(201);
  return { admin, id, password, cookie: await env.login(username, password) };
}

async function auditActions(env: TestEnv, userId: string): Promise<string[]> {
  const rows = await env.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describeEachDialect('a password set by someone else must be changed first', (env) => {
  it('marks an account an administrator creates, and says so on login and /api/auth/me', async () => {
    const admin = await env.loginAdmin();
    const login = await env.inject('POST', '/api/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    // The configured administrator chose their own password.
    expect(login.body(loginSchema).user.passwordChangeRequired).toBe(false);
    expect(
      (await env.inject('GET', '/api/auth/me', { cookie: admin })).body(meSchema).passwordChangeRequired,
    ).toBe(false);

    const user = await createdByAdmin(env, 'pw_created');
    const me = await env.inject('GET', '/api/auth/me', { cookie: user.cookie });
    expect(me.status).toBe(200);
    expect(me.body(meSchema).passwordChangeRequired).toBe(true);
  });

  it('refuses every other staff route with 403 auth.password_change_required, localized', async () => {
    const user = await createdByAdmin(env, 'pw_refused');
    const staffRoutes = env.app
      .declaredRoutes()
      .filter((r) => r.method !== 'HEAD' && r.config.permission && r.config.permission !== 'resident');
    expect(staffRoutes.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const route of staffRoutes) {
      const key = `${route.method} ${route.url}`;
      // Signing out would end the session the sweep runs on: it is called last.
      if (key === 'POST /api/auth/logout') continue;
      // Placeholders suffice: the refusal comes before the path, the body or the scope is looked at.
      const url = route.url.replaceAll(/:[A-Za-z]+/g, '110108');
      const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const response = await env.inject(method, url, { cookie: user.cookie });
      const refused = response.status === 403 && response.error.code === 'auth.password_change_required';
      if (refused === OPEN_BEFORE_CHANGE.includes(key)) wrong.push(`${key} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
    expect((await env.inject('POST', '/api/auth/logout', { cookie: user.cookie })).status).toBe(204);
    const again = await env.login('pw_refused', user.password);
    const en = await env.inject('GET', '/api/users', {
      cookie: again,
      headers: { 'accept-language': 'en' },
    });
    expect(en.error.message).toBe('Your password was set by someone else; change it before you go on');
    const zh = await env.inject('GET', '/api/users', { cookie: again });
    expect(zh.error.message).toContain('请先修改密码');
  });

  it('clears the flag when the owner changes the password, and lets them work', async () => {
    const user = await createdByAdmin(env, 'pw_changes');
    const changed = await env.inject('POST', '/api/auth/password', {
      cookie: user.cookie,
      body: { currentPassword: user.password, newPassword: 'My-Own-Choice-2026' },
    });
    expect(changed.status).toBe(204);
    const cookie = await env.login('pw_changes', 'My-Own-Choice-2026');
    expect((await env.inject('GET', '/api/auth/me', { cookie })).body(meSchema).passwordChangeRequired).toBe(
      false,
    );
    expect((await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie })).status).toBe(200);
    expect(await auditActions(env, user.id)).toEqual([
      'user.created',
      'user.role_assigned',
      'auth.login',
      'user.password_changed',
      'auth.login',
    ]);
  });

  it('sets the flag again when an administrator resets the password', async () => {
    const user = await env.createUser();
    const before = await env.login(user.username, user.password);
    expect((await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie: before })).status).toBe(200);
    const admin = await env.loginAdmin();
    const reset = await env.inject('POST', `/api/users/${user.id}/password`, {
      cookie: admin,
      body: { password: 'Reset-by-Admin-2026' },
    });
    expect(reset.status).toBe(204);
    const after = await env.login(user.username, 'Reset-by-Admin-2026');
    expect(
      (await env.inject('GET', '/api/auth/me', { cookie: after })).body(meSchema).passwordChangeRequired,
    ).toBe(true);
    const refused = await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie: after });
    expect(refused.status).toBe(403);
    expect(refused.error.code).toBe('auth.password_change_required');
    const row = await env.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('target_id', '=', user.id)
      .where('action', '=', 'user.password_reset')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(row.summary))).toMatchObject({ passwordChangeRequired: true });
  });

  it('counts a wrong current password toward the lockout while the change is owed', async () => {
    const user = await createdByAdmin(env, 'pw_guessing');
    for (let i = 1; i <= 4; i++) {
      const wrong = await env.inject('POST', '/api/auth/password', {
        cookie: user.cookie,
        body: { currentPassword: `Guess-${i}-wrong`, newPassword: 'My-Own-Choice-2026' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.error.fields?.[0]?.path).toBe('currentPassword');
    }
    const fifth = await env.inject('POST', '/api/auth/password', {
      cookie: user.cookie,
      body: { currentPassword: 'Guess-5-wrong', newPassword: 'My-Own-Choice-2026' },
    });
    expect(fifth.status).toBe(429);
    expect(fifth.error.code).toBe('auth.locked');
    const right = await env.inject('POST', '/api/auth/password', {
      cookie: user.cookie,
      body: { currentPassword: user.password, newPassword: 'My-Own-Choice-2026' },
    });
    expect(right.status).toBe(429);
    const login = await env.inject('POST', '/api/auth/login', {
      body: { username: 'pw_guessing', password: user.password },
    });
    expect(login.error.code).toBe('auth.locked');
    // Still owed: nothing changed the password.
    expect(
      (await env.inject('GET', '/api/auth/me', { cookie: user.cookie })).body(meSchema)
        .passwordChangeRequired,
    ).toBe(true);
    expect((await auditActions(env, user.id)).filter((a) => a.startsWith('auth.'))).toEqual([
      'auth.login',
      'auth.password_check_failed',
      'auth.password_check_failed',
      'auth.password_check_failed',
      'auth.password_check_failed',
      'auth.locked',
    ]);
  });
});
