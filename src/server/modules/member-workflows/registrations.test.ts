import { beforeAll, expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/api/audit.js';
import {
  registrationListSchema,
  registrationSchema,
  registrationSummarySchema,
} from '../../../shared/api/member-workflows.js';
import type { Member, Organization } from '../../db/tables.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import {
  createMember,
  createOrganization,
  createResidents,
  memberWithLogin,
  withWorkflowRoutes,
} from './testing.js';

const AREAS = [
  '宣传教育',
  '社区环境',
  '治安防范',
  '文体活动',
  '帮扶弱势群体',
  '就业渠道',
  '便民行动',
  '身心健康',
];

describeEachDialect('双报到: community registration', (env) => {
  let organ: Organization;
  let people: { id: string; name: string }[] = [];
  const members: Record<string, { member: Member; cookie: string }> = {};
  let retired: { member: Member; cookie: string };
  let unregisteredName = '';
  let secretary = '';
  let otherSecretary = '';

  const countRows = async () =>
    Number(
      (
        await env.database.db
          .selectFrom('community_registrations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await withWorkflowRoutes(env);
    // Members of a unit elsewhere (their workplace) who live in 青年社区.
    people = (await createResidents(env, QINGNIAN, 5)).people;
    organ = await createOrganization(env, { regionCode: SHANGHAI_XINCUN, name: '区直机关第一党支部' });
    for (const [index, key] of ['zhao', 'qian', 'sun'].entries()) {
      members[key] = await memberWithLogin(env, { organization: organ, personId: people[index]!.id });
    }
    retired = await memberWithLogin(env, { organization: organ, personId: people[3]!.id, status: 'retired' });
    // In service, living in 青年社区, without an account: must show up as not registered.
    await createMember(env, { organization: organ, personId: people[4]!.id });
    unregisteredName = people[4]!.name;
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
  });

  const register = (cookie: string, body: unknown) =>
    env.inject('POST', '/api/me/registration', { cookie, body });
  const good = {
    communityCode: QINGNIAN,
    serviceAreas: ['社区环境', '帮扶弱势群体'],
    commitment: '每月参加一次楼道清扫',
  };

  it('refuses unknown, too many and repeated service areas, a bad commitment and a non-community, naming the field', async () => {
    const { cookie } = members.zhao!;
    const unknown = await register(cookie, { ...good, serviceAreas: ['社区环境', '炒股'] });
    expect(unknown.status).toBe(400);
    expect(unknown.error.fields?.[0]?.path).toBe('serviceAreas.1');
    expect(unknown.error.fields?.[0]?.message).toContain('宣传教育');
    const tooMany = await register(cookie, { ...good, serviceAreas: [...AREAS, '宣传教育'] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error.fields).toContainEqual({ path: 'serviceAreas', message: '最多 8 项' });
    const repeated = await register(cookie, { ...good, serviceAreas: ['社区环境', '社区环境'] });
    expect(repeated.status).toBe(400);
    expect(repeated.error.fields).toEqual([{ path: 'serviceAreas', message: '服务领域不能重复选择' }]);
    const none = await register(cookie, { ...good, serviceAreas: [] });
    expect(none.error.fields).toEqual([{ path: 'serviceAreas', message: '至少 1 项' }]);
    const blank = await register(cookie, { ...good, commitment: '   ' });
    expect(blank.error.fields).toEqual([{ path: 'commitment', message: '至少 1 个字符' }]);
    const long = await register(cookie, { ...good, commitment: '承'.repeat(501) });
    expect(long.error.fields?.[0]?.path).toBe('commitment');
    const street = await register(cookie, { ...good, communityCode: XINGJIAN_STREET });
    expect(street.status).toBe(400);
    expect(street.error.fields?.[0]).toMatchObject({ path: 'communityCode' });
    expect(street.error.fields?.[0]?.message).toContain('兴建街道');
    const nowhere = await env.inject('POST', '/api/me/registration', {
      cookie,
      body: { ...good, communityCode: '230108001999' },
      headers: { 'accept-language': 'en' },
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.error.fields).toEqual([
      { path: 'communityCode', message: 'No such community: 230108001999' },
    ]);
    expect(await countRows()).toBe(0);
  });

  it('refuses accounts without a member, members not in service, and anonymous callers', async () => {
    const staff = await register(secretary, good);
    expect(staff.status).toBe(404);
    expect(staff.error.code).toBe('registration.no_member');
    const notInService = await register(retired.cookie, good);
    expect(notInService.status).toBe(409);
    expect(notInService.error.code).toBe('registration.not_in_service');
    expect((await env.inject('POST', '/api/me/registration', { body: good })).status).toBe(401);
    const none = await env.inject('GET', '/api/me/registration', { cookie: members.zhao!.cookie });
    expect(none.status).toBe(404);
    expect(none.error.code).toBe('registration.not_found');
    expect(await countRows()).toBe(0);
  });

  it('registers once: a second registration while pending is a conflict', async () => {
    const first = await register(members.zhao!.cookie, good);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      memberId: members.zhao!.member.id,
      memberName: people[0]!.name,
      organizationName: '区直机关第一党支部',
      communityCode: QINGNIAN,
      communityName: '青年社区',
      serviceAreas: ['社区环境', '帮扶弱势群体'],
      commitment: '每月参加一次楼道清扫',
      status: 'pending',
      decidedAt: null,
    });
    const again = await register(members.zhao!.cookie, { ...good, communityCode: SHANGHAI_XINCUN });
    expect(again.status).toBe(409);
    expect(again.error.code).toBe('registration.already_registered');
    expect(await countRows()).toBe(1);
  });

  it('lets only the community’s secretary decide: another community gets 404, a member 403', async () => {
    const mine = await env.inject('GET', '/api/me/registration', { cookie: members.zhao!.cookie });
    const { id } = mine.body(registrationSchema);
    const other = await env.inject('POST', `/api/registrations/${id}/decision`, {
      cookie: otherSecretary,
      body: { decision: 'confirm' },
    });
    expect(other.status).toBe(404);
    expect(other.error.code).toBe('registration.not_found');
    const self = await env.inject('POST', `/api/registrations/${id}/decision`, {
      cookie: members.zhao!.cookie,
      body: { decision: 'confirm' },
    });
    expect(self.status).toBe(403);
    const bad = await env.inject('POST', `/api/registrations/${id}/decision`, {
      cookie: secretary,
      body: { decision: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toBe('decision');
    const list = await env.inject('GET', '/api/registrations', { cookie: otherSecretary });
    expect(list.body(registrationListSchema).items).toEqual([]);
    expect(
      (await env.inject('GET', '/api/me/registration', { cookie: members.zhao!.cookie })).body(
        registrationSchema,
      ).status,
    ).toBe('pending');
  });

  it('confirms a registration once, audited, and the member sees it', async () => {
    const pending = await env.inject('GET', `/api/registrations?region=${QINGNIAN}&status=pending`, {
      cookie: secretary,
    });
    const pendingItems = pending.body(registrationListSchema).items;
    expect(pendingItems).toHaveLength(1);
    const registration = pendingItems[0]!;
    const confirmed = await env.inject('POST', `/api/registrations/${registration.id}/decision`, {
      cookie: secretary,
      body: { decision: 'confirm', note: '欢迎报到' },
    });
    expect(confirmed.status).toBe(200);
    const decided = confirmed.body(registrationSchema);
    expect(decided.status).toBe('confirmed');
    expect(decided.decidedAt).toEqual(expect.any(String));
    const twice = await env.inject('POST', `/api/registrations/${registration.id}/decision`, {
      cookie: secretary,
      body: { decision: 'reject' },
    });
    expect(twice.status).toBe(409);
    expect(twice.error.code).toBe('registration.already_decided');
    const mine = await env.inject('GET', '/api/me/registration', { cookie: members.zhao!.cookie });
    expect(mine.body(registrationSchema).status).toBe('confirmed');
    const again = await register(members.zhao!.cookie, good);
    expect(again.status).toBe(409);
    const admin = await env.loginAdmin();
    const audit = await env.inject('GET', `/api/audit?action=registration.&targetId=${registration.id}`, {
      cookie: admin,
    });
    expect(
      audit
        .body(auditPageSchema)
        .items.map((row) => row.action)
        .sort(),
    ).toEqual(['registration.confirmed', 'registration.submitted']);
  });

  it('lets a rejected member register again on the same record', async () => {
    const first = (await register(members.qian!.cookie, { ...good, commitment: '周末辅导社区小学生' })).body(
      registrationSchema,
    );
    const rejected = await env.inject('POST', `/api/registrations/${first.id}/decision`, {
      cookie: secretary,
      body: { decision: 'reject', note: '请选择更贴近的服务领域' },
    });
    expect(rejected.body(registrationSchema).status).toBe('rejected');
    const again = await register(members.qian!.cookie, { ...good, serviceAreas: ['宣传教育'] });
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ id: first.id, status: 'pending', serviceAreas: ['宣传教育'] });
  });

  it('summarizes each community: confirmed, pending, and in-service residents who have not registered', async () => {
    const summary = await env.inject('GET', `/api/registrations/summary?region=${QINGNIAN}`, {
      cookie: secretary,
    });
    expect(summary.status).toBe(200);
    const communities = summary.body(registrationSummarySchema).items;
    expect(communities).toHaveLength(1);
    const qingnian = communities[0]!;
    expect(qingnian).toMatchObject({
      communityCode: QINGNIAN,
      communityName: '青年社区',
      confirmed: 1,
      pending: 1,
    });
    const names = qingnian.notRegistered.map((m) => m.name).sort();
    // 孙 has an account but never registered; the fifth resident has none; the retired one is not counted.
    expect(names).toEqual([people[2]!.name, unregisteredName].sort());
    expect(qingnian.notRegistered[0]?.organizationName).toBe('区直机关第一党支部');
    // A street secretary sees every community of the street; another community's secretary none of this one.
    const street = (await env.loginAs({ role: 'secretary', regionCode: XINGJIAN_STREET })).cookie;
    const whole = await env.inject('GET', '/api/registrations/summary', { cookie: street });
    const wholeItems = whole.body(registrationSummarySchema).items;
    expect(wholeItems.length).toBeGreaterThan(1);
    expect(wholeItems.find((c) => c.communityCode === QINGNIAN)).toEqual(qingnian);
    const outside = await env.inject('GET', `/api/registrations/summary?region=${QINGNIAN}`, {
      cookie: otherSecretary,
    });
    // Outside one's scope a region does not exist: 404, not an empty list that confirms it.
    expect(outside.status).toBe(404);
    expect(outside.error.code).toBe('region.not_found');
    const badRegion = await env.inject('GET', '/api/registrations/summary?region=abc', { cookie: secretary });
    expect(badRegion.status).toBe(400);
    expect(badRegion.error.fields?.[0]?.path).toBe('querystring.region');
  });
});
