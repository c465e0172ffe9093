import { beforeAll, expect, it } from 'vitest';
import { meetingDetailSchema, meetingPageSchema, meetingTaskSchema } from '../../../shared/api/meetings.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { createOrganization } from '../member-workflows/testing.js';
import { beijingToday, draftMeeting, fullMeeting, meetingWorld, submittedMeeting } from './testing.js';

type World = Awaited<ReturnType<typeof meetingWorld>>;

describeEachDialect('meetings: bad input, the workflow, review by the level above, scope', (env) => {
  let world: World;
  let other: World;
  let ids: string[] = [];
  let communitySecretary = '';
  let streetSecretary = '';
  let streetSecretaryId = '';
  let otherSecretary = '';
  let gridWorker = '';
  const yesterday = () => beijingToday(env, 1);

  beforeAll(async () => {
    // The branch hangs under the street's committee: the street reviews it, the community does not.
    const street = await createOrganization(env, {
      regionCode: XINGJIAN_STREET,
      name: '兴建街道党工委',
      kind: 'committee',
    });
    world = await meetingWorld(env, QINGNIAN, { members: 3, parent: street });
    other = await meetingWorld(env, SHANGHAI_XINCUN, { members: 2 });
    ids = world.members.map((m) => m.id);
    communitySecretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const streetUser = await env.loginAs({ role: 'secretary', regionCode: XINGJIAN_STREET });
    streetSecretary = streetUser.cookie;
    streetSecretaryId = streetUser.id;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    gridWorker = (await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN })).cookie;
  });

  it('refuses bad input on the meeting form, naming each field, and writes nothing', async () => {
    const future = beijingToday(env, -3);
    const cases: [Record<string, unknown>, string][] = [
      [{ organizationId: 'nothing' }, 'organizationId'],
      [{ organizationId: other.branch.id }, 'organizationId'],
      [{ organizationId: '01900000-0000-7000-8000-0000000000aa' }, 'organizationId'],
      [{ type: 'party' }, 'type'],
      [{ topic: ' x ' }, 'topic'],
      [{ topic: '题'.repeat(201) }, 'topic'],
      [{ plannedOn: '2026-02-30' }, 'plannedOn'],
      [{ heldOn: 'yesterday' }, 'heldOn'],
      [{ heldOn: future }, 'heldOn'],
      [{ durationMinutes: 5 }, 'durationMinutes'],
      [{ durationMinutes: 'long' }, 'durationMinutes'],
      [{ durationMinutes: 60.5 }, 'durationMinutes'],
      [{ presenterMemberId: other.members[0]!.id }, 'presenterMemberId'],
      [{ recorderMemberId: 'someone' }, 'recorderMemberId'],
      [{ minutes: '记'.repeat(20_001) }, 'minutes'],
      [{ attendance: [{ memberId: other.members[0]!.id, present: true }] }, 'attendance.0.memberId'],
      [{ attendance: [{ memberId: ids[0], present: 'yes' }] }, 'attendance.0.present'],
      [
        {
          attendance: [
            { memberId: ids[0], present: true },
            { memberId: ids[0], present: true },
          ],
        },
        'attendance.1.memberId',
      ],
      [{ attendance: [{ memberId: ids[1], present: false }] }, 'attendance.0.absenceReason'],
      [
        { attendance: [{ memberId: ids[1], present: false, absenceReason: '..' }] },
        'attendance.0.absenceReason',
      ],
      [{ extra: 1 }, ''],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/meetings', {
        cookie: communitySecretary,
        body: fullMeeting(world.branch.id, ids, yesterday(), override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      if (field) expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const english = await env.inject('POST', '/api/meetings', {
      cookie: communitySecretary,
      body: fullMeeting(world.branch.id, ids, yesterday(), {
        attendance: [{ memberId: ids[1], present: false }],
      }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe(
      'an absent member needs the reason (2 characters at least)',
    );
    const chinese = await env.inject('POST', '/api/meetings', {
      cookie: communitySecretary,
      body: fullMeeting(world.branch.id, ids, yesterday(), { topic: '' }),
    });
    expect(chinese.error.fields?.[0]?.message).toBe('请填写会议主题（至少 2 个字）');
    const warmGroup = await createOrganization(env, {
      regionCode: QINGNIAN,
      name: '暖心小组',
      kind: 'warm_group',
    });
    const warm = await env.inject('POST', '/api/meetings', {
      cookie: communitySecretary,
      body: fullMeeting(warmGroup.id, [], yesterday()),
    });
    expect(warm.error.fields?.map((f) => f.path)).toEqual(['organizationId']);
    expect(await env.countRows('meetings')).toBe(0);
    expect(await env.countRows('meeting_attendance')).toBe(0);
  });

  it('drafts with the expected members, refuses an incomplete submission field by field, then submits', async () => {
    const id = await draftMeeting(env, communitySecretary, {
      organizationId: world.branch.id,
      type: 'committee',
      topic: '研究季度工作',
      plannedOn: yesterday(),
      attendance: [{ memberId: ids[2], present: false, absenceReason: '病假' }],
    });
    const draft = (await env.inject('GET', `/api/meetings/${id}`, { cookie: communitySecretary })).body(
      meetingDetailSchema,
    );
    expect(draft.status).toBe('draft');
    expect(draft.attendance.map((a) => a.mark).sort()).toEqual(['absent', 'expected', 'expected']);
    expect(draft.expected).toBe(3);

    const submit = (body: unknown = {}) =>
      env.inject('POST', `/api/meetings/${id}/submit`, { cookie: communitySecretary, body });
    const put = (override: Record<string, unknown>) =>
      env.inject('PUT', `/api/meetings/${id}`, {
        cookie: communitySecretary,
        body: { ...fullMeeting(world.branch.id, ids, yesterday()), organizationId: undefined, ...override },
      });
    const missing: [Record<string, unknown>, string][] = [
      [{ heldOn: undefined }, 'heldOn'],
      [{ durationMinutes: undefined }, 'durationMinutes'],
      [{ presenterMemberId: undefined }, 'presenterMemberId'],
      [{ recorderMemberId: undefined }, 'recorderMemberId'],
      [{ minutes: '记录' }, 'minutes'],
      [{ attendance: [{ memberId: ids[0], present: true }] }, 'attendance'],
    ];
    for (const [override, field] of missing) {
      expect((await put(override)).status).toBe(200);
      const refused = await submit();
      expect(refused.status, field).toBe(400);
      expect(refused.error.fields?.map((f) => f.path)).toEqual([field]);
    }
    expect((await put({})).status).toBe(200);
    const badDecisions: [Record<string, unknown>, string][] = [
      [{ text: '好' }, 'decisions.0.text'],
      [{ dueOn: '2026-13-01' }, 'decisions.0.dueOn'],
      [{ dueOn: '2020-01-01' }, 'decisions.0.dueOn'],
      [{ ownerMemberId: other.members[0]!.id }, 'decisions.0.ownerMemberId'],
    ];
    for (const [override, field] of badDecisions) {
      const refused = await submit({
        decisions: [
          { text: '完善网格联系制度', ownerMemberId: ids[1], dueOn: beijingToday(env), ...override },
        ],
      });
      expect(refused.status, field).toBe(400);
      expect(refused.error.fields?.map((f) => f.path)).toContain(field);
    }
    expect(await env.countRows('meeting_tasks')).toBe(0);

    const submitted = await submit({
      decisions: [
        { text: '完善网格联系制度', ownerMemberId: ids[1], dueOn: beijingToday(env, -30) },
        { text: '组织一次志愿服务', dueOn: beijingToday(env, -10) },
      ],
    });
    expect(submitted.status).toBe(200);
    const detail = submitted.body(meetingDetailSchema);
    expect(detail.status).toBe('submitted');
    expect(detail.present).toBe(3);
    expect(detail.decisions.map((d) => [d.title, d.ownerName, d.status, d.source])).toEqual(
      expect.arrayContaining([
        ['完善网格联系制度', detail.attendance.find((a) => a.memberId === ids[1])!.name, 'open', 'decision'],
        ['组织一次志愿服务', null, 'open', 'decision'],
      ]),
    );
    // Submitted: no longer changed or submitted again.
    expect((await put({})).status).toBe(409);
    expect((await submit()).status).toBe(409);
  });

  it('is reviewed by the level above only: returned with a reason, resubmitted, approved', async () => {
    const id = await submittedMeeting(
      env,
      communitySecretary,
      fullMeeting(world.branch.id, ids, yesterday()),
      [{ text: '落实帮扶责任', ownerMemberId: ids[0], dueOn: beijingToday(env) }],
    );
    // The community's secretary covers the branch but not its parent (the street's committee).
    const own = await env.inject('POST', `/api/meetings/${id}/approve`, { cookie: communitySecretary });
    expect([own.status, own.error.code]).toEqual([403, 'meeting.review_level_above']);
    // A grid worker may not review at all, and a reason must say something.
    expect((await env.inject('POST', `/api/meetings/${id}/approve`, { cookie: gridWorker })).status).toBe(
      403,
    );
    for (const reason of ['..', ' ', '\u200b\u200b']) {
      const bad = await env.inject('POST', `/api/meetings/${id}/return`, {
        cookie: streetSecretary,
        body: { reason },
      });
      expect(bad.status, reason).toBe(400);
      expect(bad.error.fields?.map((f) => f.path)).toEqual(['reason']);
    }
    const returned = await env.inject('POST', `/api/meetings/${id}/return`, {
      cookie: streetSecretary,
      body: { reason: '缺少会议签到表' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body(meetingDetailSchema)).toMatchObject({
      status: 'returned',
      returnReason: '缺少会议签到表',
    });
    expect(
      (await env.inject('POST', `/api/meetings/${id}/approve`, { cookie: streetSecretary })).status,
    ).toBe(409);

    // Resubmitted with other decisions: the open ones of the first submission are replaced.
    const again = await env.inject('POST', `/api/meetings/${id}/submit`, {
      cookie: communitySecretary,
      body: { decisions: [{ text: '补充签到表并存档', ownerMemberId: ids[2], dueOn: beijingToday(env) }] },
    });
    expect(again.status).toBe(200);
    expect(again.body(meetingDetailSchema).decisions.map((d) => d.title)).toEqual(['补充签到表并存档']);
    const approved = await env.inject('POST', `/api/meetings/${id}/approve`, { cookie: streetSecretary });
    expect(approved.status).toBe(200);
    expect(approved.body(meetingDetailSchema)).toMatchObject({
      status: 'approved',
      reviewedBy: expect.any(String),
    });
    expect(
      (
        await env.inject('POST', `/api/meetings/${id}/return`, {
          cookie: streetSecretary,
          body: { reason: '再次退回' },
        })
      ).status,
    ).toBe(409);

    // Nobody reviews a meeting they submitted themselves.
    const mine = await submittedMeeting(env, streetSecretary, fullMeeting(world.branch.id, ids, yesterday()));
    const self = await env.inject('POST', `/api/meetings/${mine}/approve`, { cookie: streetSecretary });
    expect([self.status, self.error.code]).toEqual([403, 'meeting.review_own']);
    expect(streetSecretaryId).not.toBe('');

    const actions = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'meeting.created',
      'meeting.submitted',
      'meeting.returned',
      'meeting.submitted',
      'meeting.approved',
    ]);
  });

  it('answers 404 outside the scope and 403 without the permission; lists only what is in scope', async () => {
    const id = await draftMeeting(env, communitySecretary, fullMeeting(world.branch.id, ids, yesterday()));
    for (const [method, path, body] of [
      ['GET', `/api/meetings/${id}`, undefined],
      ['PUT', `/api/meetings/${id}`, { type: 'committee', topic: '越权修改', plannedOn: yesterday() }],
      ['POST', `/api/meetings/${id}/submit`, {}],
    ] as const) {
      const outside = await env.inject(method, path, { cookie: otherSecretary, body });
      expect([method, path, outside.status]).toEqual([method, path, 404]);
    }
    const member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    expect((await env.inject('GET', `/api/meetings/${id}`, { cookie: member })).status).toBe(403);
    expect((await env.inject('GET', '/api/meetings', { cookie: gridWorker })).status).toBe(403);
    const foreign = await env.inject('GET', `/api/meetings?region=${QINGNIAN}`, { cookie: otherSecretary });
    expect(foreign.status).toBe(404);
    const mine = await env.inject('GET', `/api/meetings?organization=${world.branch.id}&status=draft`, {
      cookie: communitySecretary,
    });
    const page = mine.body(meetingPageSchema);
    expect(page.items.map((m) => m.id)).toContain(id);
    expect(page.items.every((m) => m.status === 'draft' && m.organizationId === world.branch.id)).toBe(true);
    const theirs = await env.inject('GET', '/api/meetings', { cookie: otherSecretary });
    expect(theirs.body(meetingPageSchema).items.some((m) => m.organizationId === world.branch.id)).toBe(
      false,
    );
  });

  it('marks a decision task done once, in scope only', async () => {
    const id = await submittedMeeting(
      env,
      communitySecretary,
      fullMeeting(world.branch.id, ids, yesterday()),
      [{ text: '走访困难党员', ownerMemberId: ids[0], dueOn: beijingToday(env) }],
    );
    const detail = (await env.inject('GET', `/api/meetings/${id}`, { cookie: communitySecretary })).body(
      meetingDetailSchema,
    );
    const task = detail.decisions[0]!.id;
    expect(
      (await env.inject('POST', `/api/meeting-tasks/${task}/done`, { cookie: otherSecretary })).status,
    ).toBe(404);
    const done = await env.inject('POST', `/api/meeting-tasks/${task}/done`, { cookie: communitySecretary });
    expect(done.status).toBe(200);
    expect(done.body(meetingTaskSchema)).toMatchObject({ status: 'done', meetingId: id });
    expect(
      (await env.inject('POST', `/api/meeting-tasks/${task}/done`, { cookie: communitySecretary })).status,
    ).toBe(409);
  });
});
