import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  addedSchema,
  buildingsWithoutBranchSchema,
  coverageSchema,
  enterprisesWithoutOrganizationSchema,
  type MemberPage,
  memberOptionListSchema,
  memberPageSchema,
  organizationDetailSchema,
  organizationListSchema,
  organizationMemberListSchema,
  organizationSchema,
  uncoveredPageSchema,
  warmGroupHouseholdListSchema,
} from '../../../shared/api/organizations.js';
import { neighbourMapSchema, personPageSchema } from '../../../shared/api/register.js';
import { meSchema } from '../../../shared/api/users.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { importResidents } from '../register/index.js';
import { rebuildRegionStats } from '../stats/index.js';

describeEachDialect('organizations, members, warm groups and care coverage', (env) => {
  let grid = '';
  let building = '';
  let secretary = '';
  let committee = '';
  let branch = '';
  /** A GET answer parsed with its route's shared schema, as the secretary unless another cookie is given. */
  const read = async <S extends z.ZodType>(url: string, schema: S, cookie = secretary) =>
    (await env.inject('GET', url, { cookie })).body(schema);
  beforeAll(async () => {
    grid = await env.createRegion(QINGNIAN, 'grid', '组织网格');
    building = await env.createRegion(grid, 'building', '1号楼');
    const file = env.file('residents.xlsx');
    await writeResidentXlsx(
      file,
      residentRows({ count: 30, gridCode: grid, buildings: ['1号楼'], seed: 12 }),
    );
    const outcome = await importResidents(env.ctx, file, 'xlsx', {
      scope: new Scope(['230108'], env.dialect),
      actor: SYSTEM_ACTOR,
      skipInvalid: false,
    });
    expect(outcome.created).toBe(30);
    fs.rmSync(file);
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
  });

  it('refuses unknown kinds, wrong anchors and parents, and bad credit codes, naming the field', async () => {
    const unknownKind = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: { kind: 'club', name: 'x', anchorRegionCode: QINGNIAN },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.error.fields?.[0]?.path).toBe('kind');
    const corridorOnCommunity = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: { kind: 'committee', name: '青年社区党委', anchorRegionCode: QINGNIAN },
    });
    expect(corridorOnCommunity.status).toBe(201);
    committee = corridorOnCommunity.body(organizationSchema).id;
    const wrongAnchor = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: { kind: 'corridor_branch', name: '错锚支部', parentId: committee, anchorRegionCode: QINGNIAN },
    });
    expect(wrongAnchor.status).toBe(400);
    expect(wrongAnchor.json).toMatchObject({
      code: 'organization.invalid_anchor',
      fields: [{ path: 'anchorRegionCode' }],
    });
    const orphan = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: { kind: 'corridor_branch', name: '无上级', anchorRegionCode: building },
    });
    expect(orphan.error.fields?.[0]?.path).toBe('parentId');
    const twoAnchors = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: {
        kind: 'branch',
        name: '双锚',
        parentId: committee,
        anchorRegionCode: QINGNIAN,
        anchorEnterpriseId: '01900000-0000-7000-8000-000000000000',
      },
    });
    expect(twoAnchors.error.fields?.[0]?.path).toBe('anchorRegionCode');
    const badCode = await env.inject('POST', '/api/enterprises', {
      cookie: secretary,
      body: { name: '某公司', creditCode: '91350100M000100Y44', regionCode: QINGNIAN },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.error.fields).toEqual([{ path: 'creditCode', message: '统一社会信用代码校验位错误' }]);
    const good = await env.inject('POST', '/api/enterprises', {
      cookie: secretary,
      body: { name: '示例公司', creditCode: '91350100M000100Y43', regionCode: QINGNIAN },
    });
    expect(good.status).toBe(201);
    const again = await env.inject('POST', '/api/enterprises', {
      cookie: secretary,
      body: { name: '重复', creditCode: '91350100M000100Y43', regionCode: QINGNIAN },
    });
    expect(again.status).toBe(409);
  });

  it('keeps another community’s organizations out of reach (404) and read-only roles out (403)', async () => {
    const { cookie: other } = await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN });
    expect((await env.inject('GET', `/api/organizations/${committee}`, { cookie: other })).status).toBe(404);
    const under = await env.inject('POST', '/api/organizations', {
      cookie: other,
      body: { kind: 'branch', name: '越权', parentId: committee, anchorRegionCode: SHANGHAI_XINCUN },
    });
    expect(under.status).toBe(404);
    const { cookie: operator } = await env.loginAs({ role: 'hotline_operator', regionCode: '230108' });
    const denied = await env.inject('POST', '/api/organizations', {
      cookie: operator,
      body: { kind: 'branch', name: 'x', anchorRegionCode: QINGNIAN },
    });
    expect(denied.status).toBe(403);
  });

  it('builds a corridor branch with members, and refuses a leader who is not one of them', async () => {
    const corridor = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: {
        kind: 'corridor_branch',
        name: '1号楼楼道党支部',
        parentId: committee,
        anchorRegionCode: building,
      },
    });
    expect(corridor.status).toBe(201);
    branch = corridor.body(organizationSchema).id;
    const residents = (await read(`/api/persons?region=${grid}&limit=5`, personPageSchema)).items;
    const created: MemberPage[] = [];
    for (const person of residents.slice(0, 3)) {
      const member = await env.inject('POST', '/api/members', {
        cookie: secretary,
        body: {
          organizationId: branch,
          personId: person.id,
          category: 'formal',
          status: 'in_service',
          joinedOn: '2001-07-01',
        },
      });
      expect(member.status).toBe(201);
      created.push(member.body(memberPageSchema));
    }
    const twice = await env.inject('POST', '/api/members', {
      cookie: secretary,
      body: {
        organizationId: branch,
        personId: residents[0]!.id,
        category: 'formal',
        status: 'in_service',
        joinedOn: '2001-07-01',
      },
    });
    expect(twice.status).toBe(409);
    const outsider = await env.inject('POST', '/api/members', {
      cookie: secretary,
      body: {
        organizationId: committee,
        person: { name: '外区党员', idNumber: '11010519491231002X', phone: '13900001234' },
        category: 'probationary',
        status: 'mobile',
        joinedOn: '2024-01-01',
      },
    });
    expect(outsider.status).toBe(201);
    const outsiderId = outsider.body(memberPageSchema).id;
    const badId = await env.inject('POST', '/api/members', {
      cookie: secretary,
      body: {
        organizationId: committee,
        person: { name: '坏号', idNumber: '110105194912310021' },
        category: 'formal',
        status: 'in_service',
        joinedOn: '2024-01-01',
      },
    });
    expect(badId.error.fields?.[0]?.path).toBe('person.idNumber');
    // The outsider is a member of the committee, not of the corridor branch.
    const wrongLeader = await env.inject('PUT', `/api/organizations/${branch}/leader`, {
      cookie: secretary,
      body: { memberId: outsiderId },
    });
    expect(wrongLeader.status).toBe(400);
    expect(wrongLeader.error.fields?.[0]?.path).toBe('memberId');
    const leader = await env.inject('PUT', `/api/organizations/${branch}/leader`, {
      cookie: secretary,
      body: { memberId: created[0]!.id },
    });
    expect(leader.body(organizationSchema).leaderMemberId).toBe(created[0]!.id);
    const list = await env.inject('GET', `/api/organizations/${branch}/members`, { cookie: secretary });
    const branchMembers = list.body(organizationMemberListSchema).items;
    expect(branchMembers).toHaveLength(3);
    expect(branchMembers.filter((m) => m.isLeader)).toHaveLength(1);
    // The minimal outsider record does not appear in the resident register.
    const register = await env.inject('GET', '/api/persons?q=waiqu&limit=5', { cookie: secretary });
    expect(register.body(personPageSchema).items).toEqual([]);
  });

  it('covers a building entrance with a warm group and shows care coverage rise', async () => {
    const before = await read(`/api/coverage/${grid}`, coverageSchema);
    const households = before.households;
    expect(households).toBeGreaterThan(5);
    expect(before.caredHouseholds).toBe(0);
    const uncoveredBefore = (await read(`/api/coverage/${grid}/uncovered?limit=200`, uncoveredPageSchema))
      .items;
    expect(uncoveredBefore).toHaveLength(households);

    const group = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: { kind: 'warm_group', name: '1单元温馨小组', parentId: branch, anchorRegionCode: building },
    });
    const groupId = group.body(organizationSchema).id;
    const members = (await read(`/api/organizations/${branch}/members`, organizationMemberListSchema)).items;
    await env.inject('PUT', `/api/organizations/${groupId}/leader`, {
      cookie: secretary,
      body: { memberId: members[1]!.id },
    });
    const added = await env.inject('POST', `/api/organizations/${groupId}/households`, {
      cookie: secretary,
      body: { buildingCode: building, unit: '1' },
    });
    expect(added.status).toBe(200);
    const inEntrance = (
      await env.database.db
        .selectFrom('households')
        .select('id')
        .where('region_code', '=', building)
        .where('unit', '=', '1')
        .execute()
    ).length;
    expect(added.body(addedSchema).added).toBe(inEntrance);

    const after = await read(`/api/coverage/${grid}`, coverageSchema);
    expect(after).toMatchObject({ households, caredHouseholds: inEntrance, warmGroupHouseholds: inEntrance });
    expect(after.carePercent).toBe(Math.round((inEntrance / households) * 1000) / 10);
    const uncovered = (await read(`/api/coverage/${grid}/uncovered?limit=200`, uncoveredPageSchema)).items;
    expect(uncovered).toHaveLength(households - inEntrance);
    const inGroup = (await read(`/api/organizations/${groupId}/households`, warmGroupHouseholdListSchema))
      .items;
    expect(inGroup).toHaveLength(inEntrance);
    for (const household of inGroup) {
      expect(household).toMatchObject({
        unit: '1',
        caringMember: members[1]!.name,
        caringSource: 'warm_group',
      });
    }
    // Pickers find members in scope by the start of their name, pinyin or initials.
    const first = encodeURIComponent(members[2]!.name.slice(0, 1));
    const found = (await read(`/api/members?q=${first}`, memberOptionListSchema)).items;
    expect(found.map((m) => m.id)).toContain(members[2]!.id);
    const { cookie: elsewhere } = await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN });
    expect((await read(`/api/members?q=${first}`, memberOptionListSchema, elsewhere)).items).toEqual([]);
    expect(
      (await env.inject('GET', `/api/organizations/${groupId}/households`, { cookie: elsewhere })).status,
    ).toBe(404);

    // One click from the uncovered list: assign a caring member by hand.
    const assign = await env.inject('PUT', `/api/households/${uncovered[0]!.id}/care`, {
      cookie: secretary,
      body: { memberId: members[2]!.id },
    });
    expect(assign.status).toBe(204);
    const map = await read(`/api/regions/${building}/neighbour-map`, neighbourMapSchema);
    const cell = map.households.find((h) => h.id === uncovered[0]!.id);
    expect(cell?.caringMember).toBe(members[2]!.name);
    expect((await read(`/api/coverage/${QINGNIAN}`, coverageSchema)).caredHouseholds).toBe(inEntrance + 1);

    // A household in the group cannot join a second group.
    const other = await env.inject('POST', '/api/organizations', {
      cookie: secretary,
      body: { kind: 'warm_group', name: '另一个小组', parentId: branch, anchorRegionCode: building },
    });
    const clash = await env.inject(
      'POST',
      `/api/organizations/${other.body(organizationSchema).id}/households`,
      {
        cookie: secretary,
        body: { buildingCode: building, unit: '1' },
      },
    );
    expect(clash.status).toBe(409);
  });

  it('keeps the counters equal to a plain aggregation of the raw tables', async () => {
    const db = env.database.db;
    const kept = await db.selectFrom('region_stats').selectAll().orderBy('region_code').execute();
    await rebuildRegionStats(db);
    const rebuilt = await db.selectFrom('region_stats').selectAll().orderBy('region_code').execute();
    expect(kept.map((r) => ({ ...r }))).toEqual(rebuilt.map((r) => ({ ...r })));
    const raw = await db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', 'like', `${grid}%`)
      .executeTakeFirstOrThrow();
    expect(Number(rebuilt.find((r) => r.region_code === grid)!.households)).toBe(Number(raw.n));
  });

  it('lists buildings without a corridor branch and enterprises without an organization', async () => {
    const second = await env.createRegion(grid, 'building', '2号楼');
    const buildings = (
      await read(`/api/coverage/${grid}/buildings-without-branch`, buildingsWithoutBranchSchema)
    ).items;
    expect(buildings.map((b) => b.code)).toEqual([second]);
    const coverage = await read(`/api/coverage/${QINGNIAN}`, coverageSchema);
    expect(coverage).toMatchObject({
      buildings: 2,
      buildingsWithCorridorBranch: 1,
      corridorBranchPercent: 50,
      enterprises: 1,
      enterprisesWithOrganization: 0,
    });
    const enterprises = (
      await read(
        `/api/coverage/${QINGNIAN}/enterprises-without-organization`,
        enterprisesWithoutOrganizationSchema,
      )
    ).items;
    expect(enterprises.map((e) => e.name)).toEqual(['示例公司']);
  });

  it('starts a secretary’s tree at the organizations whose parent they cannot see', async () => {
    const admin = await env.loginAdmin();
    const street = await env.inject('POST', '/api/organizations', {
      cookie: admin,
      body: { kind: 'committee', name: '兴建街道党工委', anchorRegionCode: '230108001' },
    });
    const streetId = street.body(organizationSchema).id;
    const moved = await env.inject('POST', `/api/organizations/${committee}/move`, {
      cookie: admin,
      body: { parentId: streetId, anchorRegionCode: QINGNIAN },
    });
    expect(moved.status).toBe(200);
    const roots = await env.inject('GET', '/api/organizations?parentId=root', { cookie: secretary });
    expect(roots.body(organizationListSchema).items.map((o) => o.name)).toEqual(['青年社区党委']);
    const adminRoots = await env.inject('GET', '/api/organizations?parentId=root', { cookie: admin });
    expect(adminRoots.body(organizationListSchema).items.map((o) => o.name)).toEqual(['兴建街道党工委']);
    // The committee's page names its parent, which the secretary may not open (no link, no 404),
    // and the corridor branch's page names its leader, whom the secretary may open.
    const page = await env.inject('GET', `/api/organizations/${committee}`, { cookie: secretary });
    expect(page.body(organizationDetailSchema).parent).toEqual({
      id: streetId,
      name: '兴建街道党工委',
      visible: false,
    });
    const branchPage = await env.inject('GET', `/api/organizations/${branch}`, { cookie: secretary });
    const branchDetail = branchPage.body(organizationDetailSchema);
    expect(branchDetail.parent).toMatchObject({ name: '青年社区党委', visible: true });
    expect(branchDetail.leader).toMatchObject({ name: expect.any(String), visible: true });
    expect(branchDetail.leader?.name.length).toBeGreaterThan(1);
  });

  it('moves an organization, keeping its history, and shows a member their own page', async () => {
    const moved = await env.inject('POST', `/api/organizations/${branch}/move`, {
      cookie: secretary,
      body: { parentId: committee, anchorRegionCode: building },
    });
    expect(moved.status).toBe(200);
    const cycle = await env.inject('POST', `/api/organizations/${committee}/move`, {
      cookie: secretary,
      body: { parentId: branch, anchorRegionCode: QINGNIAN },
    });
    expect(cycle.status).toBe(400);
    const detail = await env.inject('GET', `/api/organizations/${branch}`, { cookie: secretary });
    expect(detail.body(organizationDetailSchema).history.map((h) => h.change)).toEqual(
      expect.arrayContaining(['created', 'moved', 'leader_changed']),
    );

    const members = (await read(`/api/organizations/${branch}/members`, organizationMemberListSchema)).items;
    const account = await env.createUser({ role: 'member', regionCode: QINGNIAN });
    const linked = await env.inject('PUT', `/api/members/${members[1]!.id}/account`, {
      cookie: secretary,
      body: { username: account.username },
    });
    expect(linked.status).toBe(204);
    const cookie = await env.login(account.username, account.password);
    const me = await env.inject('GET', '/api/me/member', { cookie });
    expect(me.json).toMatchObject({ id: members[1]!.id, organizationName: '1号楼楼道党支部' });
    expect(me.body(memberPageSchema).caredHouseholds.length).toBeGreaterThan(0);
    const admin = await env.loginAdmin();
    expect((await env.inject('GET', '/api/me/member', { cookie: admin })).status).toBe(404);
    // The session says who is a member, so the page asks for the member's page only then.
    expect((await env.inject('GET', '/api/auth/me', { cookie })).body(meSchema).isMember).toBe(true);
    expect((await read('/api/auth/me', meSchema, admin)).isMember).toBe(false);
  });
});
