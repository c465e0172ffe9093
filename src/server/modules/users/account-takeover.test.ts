import { expect, it } from 'vitest';
import { managedUserPageSchema, managedUserSchema, userSchema } from '../../../shared/api/users.js';
import { DISTRICT, describeEachDialect, QINGNIAN, type TestEnv } from '../../testing/test-env.js';

const BAOGUO_STREET = '230108002'; // 保国街道
const QIANJINLI = '230108002001'; // 前进里社区, inside 保国街道

/** An account created and given roles by the district's own admin, over HTTP. */
async function accountWithRoles(
  env: TestEnv,
  admin: string,
  homeRegion: string,
  roles: { role: string; regionCode: string }[],
) {
  const username = `acct_${Math.random().toString(36).slice(2, 10)}`;
  const password = 'Target-pass-2026';
  const created = await env.inject('POST', '/api/users', {
    cookie: admin,
    body: { username, password, displayName: username, regionCode: homeRegion },
  });
  expect(created.status).toBe(201);
  const { id } = created.body(userSchema);
  for (const role of roles) {
    const granted = await env.inject('POST', `/api/users/${id}/roles`, {
      cookie: admin,
      body: role,
    });
    expect(granted.status).toBe(201);
  }
  const detail = await env.inject('GET', `/api/users/${id}`, { cookie: admin });
  return { id, username, password, roles: detail.body(managedUserSchema).roles };
}

/** Every account action a manager has, tried by `cookie` against `target`; returns the statuses. */
async function tryEveryAction(env: TestEnv, cookie: string, target: { id: string; roles: { id: string }[] }) {
  const inject = (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    env.inject(method, url, { cookie, ...(body !== undefined ? { body } : {}) });
  const results = {
    resetPassword: await inject('POST', `/api/users/${target.id}/password`, { password: 'Taken-over-2026!' }),
    disable: await inject('PATCH', `/api/users/${target.id}`, { status: 'disabled' }),
    edit: await inject('PATCH', `/api/users/${target.id}`, { displayName: '被接管' }),
    endSessions: await inject('DELETE', `/api/users/${target.id}/sessions`),
    grantRole: await inject('POST', `/api/users/${target.id}/roles`, {
      role: 'grid_worker',
      regionCode: QIANJINLI,
    }),
    removeRole: await inject('DELETE', `/api/users/${target.id}/roles/${target.roles[0]!.id}`),
  };
  return Object.fromEntries(
    Object.entries(results).map(([action, response]) => [
      action,
      [response.status, response.status >= 400 ? response.error.code : undefined],
    ]),
  );
}

describeEachDialect('who may manage whom', (env) => {
  it('hides from a street admin a district admin whose account lives above the street (404, nothing changed)', async () => {
    const admin = await env.loginAdmin();
    const { cookie: streetAdmin } = await env.loginAs({ role: 'district_admin', regionCode: BAOGUO_STREET });
    const target = await accountWithRoles(env, admin, DISTRICT, [
      { role: 'district_admin', regionCode: DISTRICT },
    ]);
    const session = await env.login(target.username, target.password);

    const notFound = ['404', 'user.not_found'];
    const statuses = await tryEveryAction(env, streetAdmin, target);
    expect(Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, v.map(String)]))).toEqual({
      resetPassword: notFound,
      disable: notFound,
      edit: notFound,
      endSessions: notFound,
      grantRole: notFound,
      removeRole: ['404', 'user.role_not_found'],
    });
    const list = await env.inject('GET', '/api/users?limit=200', { cookie: streetAdmin });
    expect(list.body(managedUserPageSchema).items.map((u) => u.id)).not.toContain(target.id);
    // The target is untouched: the old password works, the old session lives, roles unchanged.
    expect((await env.inject('GET', '/api/auth/me', { cookie: session })).status).toBe(200);
    expect(await env.login(target.username, target.password)).toMatch(/^lianxin_session=/);
    const after = await env.inject('GET', `/api/users/${target.id}`, { cookie: admin });
    expect(after.json).toMatchObject({ status: 'active', displayName: target.username });
    expect(after.body(managedUserSchema).roles).toHaveLength(1);
  });

  for (const [title, roles] of [
    [
      'a district admin whose account lives in the street',
      [{ role: 'district_admin', regionCode: DISTRICT }],
    ],
    [
      'an account with one role in the street and one outside it',
      [
        { role: 'grid_worker', regionCode: QIANJINLI },
        { role: 'secretary', regionCode: QINGNIAN },
      ],
    ],
  ] as const) {
    it(`lets a street admin see but not manage ${title} (403, nothing changed)`, async () => {
      const admin = await env.loginAdmin();
      const { cookie: streetAdmin } = await env.loginAs({
        role: 'district_admin',
        regionCode: BAOGUO_STREET,
      });
      const target = await accountWithRoles(env, admin, QIANJINLI, [...roles]);
      const session = await env.login(target.username, target.password);

      const refused = ['403', 'user.not_manageable'];
      const statuses = await tryEveryAction(env, streetAdmin, target);
      expect(Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, v.map(String)]))).toEqual({
        resetPassword: refused,
        disable: refused,
        edit: refused,
        endSessions: refused,
        grantRole: refused,
        removeRole: refused,
      });
      // Visible: the account's home lies in the street, so it is listed and can be opened.
      const list = await env.inject('GET', '/api/users?limit=200', { cookie: streetAdmin });
      expect(list.body(managedUserPageSchema).items.map((u) => u.id)).toContain(target.id);
      // …and marked as not manageable, so the page offers no action the server would refuse.
      const listed = list.body(managedUserPageSchema).items.find((u) => u.id === target.id);
      expect(listed?.manageable).toBe(false);
      const opened = await env.inject('GET', `/api/users/${target.id}`, { cookie: streetAdmin });
      expect(opened.status).toBe(200);
      expect(opened.body(managedUserSchema).manageable).toBe(false);
      expect(
        (await env.inject('GET', `/api/users/${target.id}`, { cookie: admin })).body(managedUserSchema)
          .manageable,
      ).toBe(true);
      // Untouched.
      expect((await env.inject('GET', '/api/auth/me', { cookie: session })).status).toBe(200);
      expect(await env.login(target.username, target.password)).toMatch(/^lianxin_session=/);
      const after = await env.inject('GET', `/api/users/${target.id}`, { cookie: admin });
      expect(after.json).toMatchObject({ status: 'active', displayName: target.username });
      expect(after.body(managedUserSchema).roles).toHaveLength(roles.length);
      // The district admin, whose scope holds every role of the account, still manages it.
      expect(
        (
          await env.inject('PATCH', `/api/users/${target.id}`, {
            cookie: admin,
            body: { displayName: '改名' },
          })
        ).status,
      ).toBe(200);
    });
  }

  it('lets a street admin manage an account whose roles all lie in the street, and grant only there', async () => {
    const admin = await env.loginAdmin();
    const { cookie: streetAdmin } = await env.loginAs({ role: 'district_admin', regionCode: BAOGUO_STREET });
    const target = await accountWithRoles(env, admin, QIANJINLI, [
      { role: 'grid_worker', regionCode: QIANJINLI },
    ]);
    const granted = await env.inject('POST', `/api/users/${target.id}/roles`, {
      cookie: streetAdmin,
      body: { role: 'secretary', regionCode: QIANJINLI },
    });
    expect(granted.status).toBe(201);
    const aboveStreet = await env.inject('POST', `/api/users/${target.id}/roles`, {
      cookie: streetAdmin,
      body: { role: 'district_admin', regionCode: DISTRICT },
    });
    expect(aboveStreet.status).toBe(404);
    expect(
      (
        await env.inject('POST', `/api/users/${target.id}/password`, {
          cookie: streetAdmin,
          body: { password: 'Street-reset-2026' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await env.inject('PATCH', `/api/users/${target.id}`, {
          cookie: streetAdmin,
          body: { status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await env.inject('DELETE', `/api/users/${target.id}/sessions`, { cookie: streetAdmin })).status,
    ).toBe(200);
    expect(
      (
        await env.inject('DELETE', `/api/users/${target.id}/roles/${target.roles[0]!.id}`, {
          cookie: streetAdmin,
        })
      ).status,
    ).toBe(204);
  });
});
