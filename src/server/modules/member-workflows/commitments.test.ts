import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import {
  commendationListSchema,
  commendationSchema,
  commitmentDetailSchema,
  commitmentListSchema,
  commitmentSchema,
} from '../../../shared/api/member-workflows.js';
import { beijingYear } from '../../../shared/beijing-time.js';
import type { Member, Organization } from '../../db/tables.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import {
  createMember,
  createOrganization,
  createResidents,
  memberWithLogin,
  withWorkflowRoutes,
} from './testing.js';

describeEachDialect('承诺践诺 and 表彰: commitments and commendations', (env) => {
  let branch: Organization;
  let people: { id: string; name: string }[] = [];
  let self: { member: Member; cookie: string };
  let neighbour: { member: Member; cookie: string };
  let quiet: Member;
  let secretary = '';
  let otherSecretary = '';
  let year = 0;

  beforeAll(async () => {
    await withWorkflowRoutes(env);
    year = beijingYear(env.now());
    people = (await createResidents(env, QINGNIAN, 3)).people;
    branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区第一党支部' });
    self = await memberWithLogin(env, { organization: branch, personId: people[0]!.id });
    neighbour = await memberWithLogin(env, { organization: branch, personId: people[1]!.id });
    quiet = await createMember(env, { organization: branch, personId: people[2]!.id });
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
  });

  const commit = (cookie: string, memberId: string, body: unknown) =>
    env.inject('POST', `/api/members/${memberId}/commitments`, { cookie, body });

  it('refuses commitments for someone else’s record, outside the scope, in a far year or empty', async () => {
    const body = { year, content: '为独居老人每周上门一次' };
    const otherMember = await commit(neighbour.cookie, self.member.id, body);
    expect(otherMember.status).toBe(404);
    expect(otherMember.error.code).toBe('commitment.member_not_found');
    expect((await commit(otherSecretary, self.member.id, body)).status).toBe(404);
    expect((await commit(secretary, uuidv7(), body)).status).toBe(404);
    expect((await env.inject('POST', `/api/members/${self.member.id}/commitments`, { body })).status).toBe(
      401,
    );
    const far = await commit(self.cookie, self.member.id, { ...body, year: year + 2 });
    expect(far.status).toBe(400);
    expect(far.error.fields).toEqual([
      { path: 'year', message: `承诺年度应在 ${year - 1} 至 ${year + 1} 之间` },
    ]);
    const empty = await commit(self.cookie, self.member.id, { ...body, content: '' });
    expect(empty.error.fields?.[0]?.path).toBe('content');
    const text = await commit(self.cookie, self.member.id, { ...body, year: '今年' });
    expect(text.error.fields?.[0]?.path).toBe('year');
    const list = await env.inject('GET', '/api/commitments', { cookie: secretary });
    expect(list.body(commitmentListSchema).items).toEqual([]);
  });

  it('records commitments by the member and by the secretary, and refuses the same one twice', async () => {
    const own = await commit(self.cookie, self.member.id, { year, content: '为独居老人每周上门一次' });
    expect(own.status).toBe(201);
    expect(own.json).toMatchObject({
      memberId: self.member.id,
      memberName: people[0]!.name,
      year,
      progress: 0,
      ratings: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, total: 0 },
      satisfactionRate: null,
    });
    const bySecretary = await commit(secretary, quiet.id, { year, content: '组织楼道志愿清扫' });
    expect(bySecretary.status).toBe(201);
    const twice = await commit(self.cookie, self.member.id, { year, content: '为独居老人每周上门一次' });
    expect(twice.status).toBe(409);
    expect(twice.error.code).toBe('commitment.duplicate');
    const mine = await env.inject('GET', `/api/me/commitments?year=${year}`, { cookie: self.cookie });
    expect(mine.body(commitmentListSchema).items.map((c) => c.content)).toEqual(['为独居老人每周上门一次']);
    const staff = await env.inject('GET', '/api/me/commitments', { cookie: secretary });
    expect(staff.status).toBe(404);
  });

  it('reports progress by the member only on their own commitments, within 0–100 and with a note', async () => {
    const [own] = (
      await env.inject('GET', `/api/commitments?region=${QINGNIAN}&year=${year}`, { cookie: secretary })
    )
      .body(commitmentListSchema)
      .items.filter((c) => c.memberId === self.member.id);
    const tooMuch = await env.inject('POST', `/api/commitments/${own!.id}/progress`, {
      cookie: self.cookie,
      body: { progress: 101, note: '超额完成' },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.error.fields?.[0]?.path).toBe('progress');
    const noNote = await env.inject('POST', `/api/commitments/${own!.id}/progress`, {
      cookie: self.cookie,
      body: { progress: 40 },
    });
    expect(noNote.error.fields).toEqual([{ path: 'note', message: '必填' }]);
    const notTheirs = await env.inject('POST', `/api/commitments/${own!.id}/progress`, {
      cookie: neighbour.cookie,
      body: { progress: 90, note: '代为填报' },
    });
    expect(notTheirs.status).toBe(404);
    const outside = await env.inject('POST', `/api/commitments/${own!.id}/progress`, {
      cookie: otherSecretary,
      body: { progress: 90, note: '代为填报' },
    });
    expect(outside.status).toBe(404);
    const done = await env.inject('POST', `/api/commitments/${own!.id}/progress`, {
      cookie: self.cookie,
      body: { progress: 40, note: '已上门探访 8 次' },
    });
    expect(done.status).toBe(200);
    expect(done.body(commitmentSchema).progress).toBe(40);
    const detail = await env.inject('GET', `/api/commitments/${own!.id}`, { cookie: secretary });
    expect(detail.body(commitmentDetailSchema).updates).toEqual([
      { progress: 40, note: '已上门探访 8 次', at: expect.any(String) },
    ]);
    expect((await env.inject('GET', `/api/commitments/${own!.id}`, { cookie: otherSecretary })).status).toBe(
      404,
    );
  });

  it('rates commitments in scope only, not one’s own; a linked rater’s new rating replaces the old', async () => {
    const { items } = (
      await env.inject('GET', `/api/commitments?region=${QINGNIAN}`, { cookie: secretary })
    ).body(commitmentListSchema);
    const own = items.find((c) => c.memberId === self.member.id)!;
    const rate = (cookie: string, rating: string) =>
      env.inject('POST', `/api/commitments/${own.id}/ratings`, { cookie, body: { rating } });
    const outside = await rate(otherSecretary, 'satisfied');
    expect(outside.status).toBe(404);
    expect(outside.error.code).toBe('commitment.not_found');
    const bad = await rate(secretary, 'thrilled');
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0]?.path).toBe('rating');
    const ownRating = await rate(self.cookie, 'satisfied');
    expect(ownRating.status).toBe(403);
    expect(ownRating.error.code).toBe('commitment.cannot_rate_own');

    await rate(neighbour.cookie, 'unsatisfied');
    const changed = await rate(neighbour.cookie, 'basically_satisfied');
    expect(changed.body(commitmentSchema).ratings).toEqual({
      satisfied: 0,
      basicallySatisfied: 1,
      unsatisfied: 0,
      total: 1,
    });
    // The secretary enters ballots collected on paper: each call is one more rating.
    await rate(secretary, 'satisfied');
    await rate(secretary, 'satisfied');
    const last = await rate(secretary, 'unsatisfied');
    const rated = last.body(commitmentSchema);
    expect(rated.ratings).toEqual({ satisfied: 2, basicallySatisfied: 1, unsatisfied: 1, total: 4 });
    expect(rated.satisfactionRate).toBe(0.75);

    const list = await env.inject('GET', `/api/commitments?region=${QINGNIAN}&year=${year}`, {
      cookie: neighbour.cookie,
    });
    const listed = list.body(commitmentListSchema).items;
    expect(listed.map((c) => [c.memberName, c.progress])).toEqual(
      expect.arrayContaining([
        [people[0]!.name, 40],
        [people[2]!.name, 0],
      ]),
    );
    expect(listed.find((c) => c.id === own.id)?.satisfactionRate).toBe(0.75);
    const otherYear = await env.inject('GET', `/api/commitments?region=${QINGNIAN}&year=${year - 1}`, {
      cookie: secretary,
    });
    expect(otherYear.body(commitmentListSchema).items).toEqual([]);
    expect(
      (await env.inject('GET', '/api/commitments', { cookie: otherSecretary })).body(commitmentListSchema)
        .items,
    ).toEqual([]);
  });

  it('refuses commendations for the future, outside the scope, for unknown subjects or without org.write', async () => {
    const body = { year, title: '优秀共产党员', subjectType: 'member', subjectId: self.member.id };
    const future = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: { ...body, year: year + 1 },
    });
    expect(future.status).toBe(400);
    expect(future.error.fields).toEqual([{ path: 'year', message: `表彰年度不能晚于今年（${year}）` }]);
    const outside = await env.inject('POST', '/api/commendations', { cookie: otherSecretary, body });
    expect(outside.status).toBe(404);
    expect(outside.error.code).toBe('commendation.subject_not_found');
    const wrongType = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: { ...body, subjectType: 'organization' },
    });
    expect(wrongType.status).toBe(404);
    const badType = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: { ...body, subjectType: 'household' },
    });
    expect(badType.error.fields?.[0]?.path).toBe('subjectType');
    const noTitle = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: { ...body, title: ' ' },
    });
    expect(noTitle.error.fields?.[0]?.path).toBe('title');
    expect((await env.inject('POST', '/api/commendations', { cookie: self.cookie, body })).status).toBe(403);
  });

  it('commends members and organizations, once per title and year, listed by region and year', async () => {
    const member = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: {
        year,
        title: '优秀共产党员',
        subjectType: 'member',
        subjectId: self.member.id,
        note: '七一表彰',
      },
    });
    expect(member.status).toBe(201);
    expect(member.json).toMatchObject({
      year,
      title: '优秀共产党员',
      subjectType: 'member',
      subjectName: people[0]!.name,
      note: '七一表彰',
    });
    const organization = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: { year: year - 1, title: '先进基层党组织', subjectType: 'organization', subjectId: branch.id },
    });
    expect(organization.body(commendationSchema).subjectName).toBe('青年社区第一党支部');
    const twice = await env.inject('POST', '/api/commendations', {
      cookie: secretary,
      body: { year, title: '优秀共产党员', subjectType: 'member', subjectId: self.member.id },
    });
    expect(twice.status).toBe(409);
    expect(twice.error.code).toBe('commendation.duplicate');
    const thisYear = await env.inject('GET', `/api/commendations?region=${QINGNIAN}&year=${year}`, {
      cookie: neighbour.cookie,
    });
    expect(thisYear.body(commendationListSchema).items.map((k) => k.title)).toEqual(['优秀共产党员']);
    const all = await env.inject('GET', '/api/commendations', { cookie: secretary });
    expect(all.body(commendationListSchema).items).toHaveLength(2);
    expect(
      (await env.inject('GET', '/api/commendations', { cookie: otherSecretary })).body(commendationListSchema)
        .items,
    ).toEqual([]);
  });
});
