import { expect, it } from 'vitest';
import {
  managedUserPageSchema,
  managedUserSchema,
  meSchema,
  roleAssignmentSchema,
  userSchema,
} from '../../../shared/api/users.js';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';

describeEachDialect('accounts and roles', (env) => {
  it('rejects a weak password, a bad username and a duplicate, naming the field', async () => {
    const cookie = await env.loginAdmin();
    const weak = await env.inject('POST', '/api/users', {
      cookie,
      body: { username: 'qn_worker', password: 'onlylowercase', displayName: '网格员' },
    });
    expect(weak.status).toBe(400);
    expect(weak.error.fields).toEqual([
      { path: 'password', message: '密码需包含小写字母、大写字母、数字、符号中的至少三类' },
    ]);
    const badName = await env.inject('POST', '/api/users', {
      cookie,
      body: { username: '9 bad', password: 'Good-pass-123', displayName: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(badName.error.fields?.[0]).toMatchObject({ path: 'username' });
    expect(badName.error.fields?.[0]?.message).toMatch(/username/);
    const extra = await env.inject('POST', '/api/users', {
      cookie,
      body: { username: 'ok_name', password: 'Good-pass-123', displayName: 'x', regionCode: 'abc' },
    });
    expect(extra.error.fields).toEqual([{ path: 'regionCode', message: '区域代码应为 6–17 位数字' }]);
    const first = await env.inject('POST', '/api/users', {
      cookie,
      body: { username: 'Dup_User', password: 'Good-pass-123', displayName: '甲' },
    });
    expect(first.status).toBe(201);
    expect(first.body(userSchema).username).toBe('dup_user');
    const dup = await env.inject('POST', '/api/users', {
      cookie,
      body: { username: 'dup_user', password: 'Good-pass-123', displayName: '乙' },
    });
    expect(dup.status).toBe(409);
    expect(dup.error.fields?.[0]?.path).toBe('username');
  });

  it('creates a user, assigns a scoped role, and the user then sees only that subtree', async () => {
    const admin = await env.loginAdmin();
    const created = await env.inject('POST', '/api/users', {
      cookie: admin,
      body: {
        username: 'qn_secretary',
        password: 'Qingnian-2026',
        displayName: '青年社区书记',
        regionCode: QINGNIAN,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username: 'qn_secretary', regionCode: QINGNIAN, roles: [] });
    const createdId = created.body(userSchema).id;
    const unknownRole = await env.inject('POST', `/api/users/${createdId}/roles`, {
      cookie: admin,
      body: { role: 'emperor', regionCode: QINGNIAN },
    });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.error.fields?.[0]?.path).toBe('role');
    const role = await env.inject('POST', `/api/users/${createdId}/roles`, {
      cookie: admin,
      body: { role: 'secretary', regionCode: QINGNIAN },
    });
    expect(role.status).toBe(201);
    expect(role.body(roleAssignmentSchema)).toMatchObject({
      role: 'secretary',
      regionCode: QINGNIAN,
      regionName: '青年社区',
    });
    const again = await env.inject('POST', `/api/users/${createdId}/roles`, {
      cookie: admin,
      body: { role: 'secretary', regionCode: QINGNIAN },
    });
    expect(again.status).toBe(409);

    // The administrator chose the password: its owner changes it before anything else.
    const first = await env.login('qn_secretary', 'Qingnian-2026');
    expect(
      (await env.inject('GET', '/api/auth/me', { cookie: first })).body(meSchema).passwordChangeRequired,
    ).toBe(true);
    const changed = await env.inject('POST', '/api/auth/password', {
      cookie: first,
      body: { currentPassword: 'Qingnian-2026', newPassword: 'Qingnian-Own-2026' },
    });
    expect(changed.status).toBe(204);
    const cookie = await env.login('qn_secretary', 'Qingnian-Own-2026');
    const { permissions } = (await env.inject('GET', '/api/auth/me', { cookie })).body(meSchema);
    expect(permissions).toMatchObject({ 'region.read': [QINGNIAN], 'region.write': [QINGNIAN] });
    expect(permissions['user.read']).toBeUndefined();
    expect(permissions['audit.read']).toBeUndefined();
    expect((await env.inject('GET', `/api/regions/${SHANGHAI_XINCUN}`, { cookie })).status).toBe(404);
    // A secretary has no user permissions at all: 403, not 404.
    expect((await env.inject('GET', '/api/users', { cookie })).status).toBe(403);
    expect((await env.inject('POST', '/api/users', { cookie, body: {} })).status).toBe(403);
  });

  it('keeps account management inside the manager’s scope', async () => {
    // A street-level admin (a district_admin role scoped to a street) manages only that street.
    const { cookie: streetAdmin } = await env.loginAs({ role: 'district_admin', regionCode: '230108002' });
    const outsider = await env.createUser({ regionCode: QINGNIAN });
    expect((await env.inject('GET', `/api/users/${outsider.id}`, { cookie: streetAdmin })).status).toBe(404);
    expect(
      (
        await env.inject('PATCH', `/api/users/${outsider.id}`, {
          cookie: streetAdmin,
          body: { status: 'disabled' },
        })
      ).status,
    ).toBe(404);
    const list = await env.inject('GET', '/api/users?limit=200', { cookie: streetAdmin });
    expect(list.body(managedUserPageSchema).items.map((u) => u.id)).not.toContain(outsider.id);
    const inOwn = await env.inject('POST', '/api/users', {
      cookie: streetAdmin,
      body: { username: 'baoguo_worker', password: 'Hq7-Grid-2026!', displayName: '保国网格员' },
    });
    expect(inOwn.status).toBe(201);
    const ownUser = inOwn.body(userSchema);
    expect(ownUser.regionCode).toBe('230108002');
    const grantOutside = await env.inject('POST', `/api/users/${ownUser.id}/roles`, {
      cookie: streetAdmin,
      body: { role: 'grid_worker', regionCode: QINGNIAN },
    });
    expect(grantOutside.status).toBe(404);
    const createOutside = await env.inject('POST', '/api/users', {
      cookie: streetAdmin,
      body: { username: 'sneaky', password: 'Tx9-Other-2026!', displayName: 'x', regionCode: DISTRICT },
    });
    expect(createOutside.status).toBe(404);
  });

  it('lists users a page at a time with a cursor and filters by text', async () => {
    const admin = await env.loginAdmin();
    for (let i = 0; i < 5; i++) await env.createUser({ username: `pager_${i}` });
    const first = (await env.inject('GET', '/api/users?q=pager_&limit=3', { cookie: admin })).body(
      managedUserPageSchema,
    );
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await env.inject('GET', `/api/users?q=pager_&limit=3&cursor=${first.nextCursor}`, { cookie: admin })
    ).body(managedUserPageSchema);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const names = [...first.items, ...second.items].map((u) => u.username).sort();
    expect(names).toEqual(['pager_0', 'pager_1', 'pager_2', 'pager_3', 'pager_4']);
  });

  it('refuses a password that contains the username, on creation and on reset', async () => {
    const cookie = await env.loginAdmin();
    const created = await env.inject('POST', '/api/users', {
      cookie,
      body: { username: 'liuyang', password: 'Liuyang-Grid-7731', displayName: '刘洋' },
    });
    expect(created.status).toBe(400);
    expect(created.error.fields).toEqual([{ path: 'password', message: expect.stringContaining('用户名') }]);
    const user = await env.createUser({ username: 'wangfang' });
    const reset = await env.inject('POST', `/api/users/${user.id}/password`, {
      cookie,
      body: { password: 'Wangfang#Reset-9917' },
    });
    expect(reset.status).toBe(400);
    expect(reset.error.fields?.[0]?.path).toBe('password');
    expect(await env.login(user.username, user.password)).toMatch(/^lianxin_session=/);
  });

  it('lets an admin reset a password and end sessions; refuses to disable oneself', async () => {
    const admin = await env.loginAdmin();
    const me = (await env.inject('GET', '/api/auth/me', { cookie: admin })).body(meSchema);
    const self = await env.inject('PATCH', `/api/users/${me.id}`, {
      cookie: admin,
      body: { status: 'disabled' },
    });
    expect(self.status).toBe(409);
    const ownAdmin = await env.inject('DELETE', `/api/users/${me.id}/roles/${me.roles[0]!.id}`, {
      cookie: admin,
    });
    expect(ownAdmin.status).toBe(409);
    expect(ownAdmin.error.code).toBe('user.cannot_remove_own_admin');
    const user = await env.createUser();
    const cookie = await env.login(user.username, user.password);
    const ended = await env.inject('DELETE', `/api/users/${user.id}/sessions`, { cookie: admin });
    expect(ended.json).toEqual({ ended: 1 });
    expect((await env.inject('GET', '/api/auth/me', { cookie })).status).toBe(401);
    const weakReset = await env.inject('POST', `/api/users/${user.id}/password`, {
      cookie: admin,
      body: { password: 'weak' },
    });
    expect(weakReset.status).toBe(400);
    const reset = await env.inject('POST', `/api/users/${user.id}/password`, {
      cookie: admin,
      body: { password: 'Reset-pass-2026' },
    });
    expect(reset.status).toBe(204);
    expect(await env.login(user.username, 'Reset-pass-2026')).toMatch(/^lianxin_session=/);
    const roles = (await env.inject('GET', `/api/users/${user.id}`, { cookie: admin })).body(
      managedUserSchema,
    ).roles;
    const removed = await env.inject('DELETE', `/api/users/${user.id}/roles/${roles[0]!.id}`, {
      cookie: admin,
    });
    expect(removed.status).toBe(204);
    expect(
      (await env.inject('GET', `/api/users/${user.id}`, { cookie: admin })).body(managedUserSchema).roles,
    ).toEqual([]);
  });
});
