import { v7 as uuidv7 } from 'uuid';
import { beforeAll, expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/api/audit.js';
import {
  expiredTransfersSchema,
  transferDetailSchema,
  transferListSchema,
  transferSchema,
} from '../../../shared/api/member-workflows.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { Member, Organization } from '../../db/tables.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { importCountyRegions } from '../regions/index.js';
import { createMember, createOrganization, createResidents, loginIn, withWorkflowRoutes } from './testing.js';
import { expireTransfers } from './transfers.service.js';

/** 索菲亚社区, 兆麟街道, 道里区: another county of the same deployment. */
const DAOLI_COMMUNITY = '230102001002';
const DAY_MS = 86_400_000;

describeEachDialect('组织关系转接: relationship transfers', (env) => {
  let sender: Organization;
  let nearby: Organization;
  let daoli: Organization;
  let warmGroup: Organization;
  const members: Member[] = [];
  /** Secretaries of the sending community, a nearby community (same district), and 道里区's community. */
  const cookies = { sender: '', nearby: '', daoli: '', member: '' };

  const thisMonth = () => beijingMonth(env.now());
  const request = (cookie: string, body: Record<string, unknown>) =>
    env.inject('POST', '/api/transfers', { cookie, body });
  const act = (cookie: string, id: string, action: string, note?: string) =>
    env.inject('POST', `/api/transfers/${id}/actions`, {
      cookie,
      body: { action, ...(note ? { note } : {}) },
    });
  /** Where the member belongs right now, and their open history rows (must always be exactly one). */
  const membership = async (memberId: string) => {
    const { db } = env.database;
    const member = await db
      .selectFrom('members')
      .select(['organization_id', 'region_code'])
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    const open = await db
      .selectFrom('member_history')
      .select('organization_id')
      .where('member_id', '=', memberId)
      .where('to_at', 'is', null)
      .execute();
    return { ...member, open: open.map((row) => row.organization_id) };
  };
  const countTransfers = async () =>
    Number(
      (
        await env.database.db
          .selectFrom('transfers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await withWorkflowRoutes(env);
    await importCountyRegions(env.ctx, '230102', SYSTEM_ACTOR);
    const { people } = await createResidents(env, QINGNIAN, 8);
    sender = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区第一党支部' });
    nearby = await createOrganization(env, { regionCode: SHANGHAI_XINCUN, name: '上海新村社区党支部' });
    daoli = await createOrganization(env, { regionCode: DAOLI_COMMUNITY, name: '索菲亚社区党支部' });
    warmGroup = await createOrganization(env, {
      regionCode: QINGNIAN,
      name: '青年社区暖心小组',
      kind: 'warm_group',
    });
    for (const person of people)
      members.push(await createMember(env, { organization: sender, personId: person.id }));
    cookies.sender = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    cookies.nearby = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    cookies.daoli = (await loginIn(env, { role: 'secretary', regionCode: DAOLI_COMMUNITY })).cookie;
    cookies.member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
  });

  const valid = () => ({
    memberId: members[0]!.id,
    toOrganizationId: daoli.id,
    duesPaidUntil: thisMonth(),
    letterValidDays: 30,
  });

  it('refuses a future dues month, letter days out of range and bad targets, naming the field', async () => {
    const [year, month] = thisMonth().split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    const future = await request(cookies.sender, { ...valid(), duesPaidUntil: next });
    expect(future.status).toBe(400);
    expect(future.error.fields).toEqual([
      { path: 'duesPaidUntil', message: `党费交纳月份不能晚于本月（${thisMonth()}）` },
    ]);
    const malformed = await request(cookies.sender, { ...valid(), duesPaidUntil: '2025-13' });
    expect(malformed.error.fields?.[0]?.path).toBe('duesPaidUntil');
    for (const days of [0, 91, 1.5]) {
      const bad = await request(cookies.sender, { ...valid(), letterValidDays: days });
      expect(bad.status).toBe(400);
      expect(bad.error.fields?.[0]?.path).toBe('letterValidDays');
    }
    const unknown = await request(cookies.sender, { ...valid(), toOrganizationId: uuidv7() });
    expect(unknown.status).toBe(400);
    expect(unknown.error.fields).toEqual([{ path: 'toOrganizationId', message: '接收党组织不存在' }]);
    const same = await request(cookies.sender, { ...valid(), toOrganizationId: sender.id });
    expect(same.error.fields?.[0]?.path).toBe('toOrganizationId');
    const group = await request(cookies.sender, { ...valid(), toOrganizationId: warmGroup.id });
    expect(group.error.fields?.[0]?.message).toContain('青年社区暖心小组');
    expect(await countTransfers()).toBe(0);
  });

  it('answers 404 for a member outside the scope and 403 without org.write', async () => {
    const outside = await request(cookies.nearby, valid());
    expect(outside.status).toBe(404);
    expect(outside.error.code).toBe('transfer.member_not_found');
    const fromAfar = await request(cookies.daoli, valid());
    expect(fromAfar.status).toBe(404);
    expect((await request(cookies.member, valid())).status).toBe(403);
    expect(await countTransfers()).toBe(0);
  });

  it('allows one open transfer per member', async () => {
    const first = await request(cookies.sender, { ...valid(), memberId: members[1]!.id });
    expect(first.status).toBe(201);
    const second = await request(cookies.sender, {
      ...valid(),
      memberId: members[1]!.id,
      toOrganizationId: nearby.id,
    });
    expect(second.status).toBe(409);
    expect(second.error.code).toBe('transfer.already_open');
    const firstId = first.body(transferSchema).id;
    await act(cookies.sender, firstId, 'approve_sending');
    const stillOpen = await request(cookies.sender, { ...valid(), memberId: members[1]!.id });
    expect(stillOpen.error.code).toBe('transfer.already_open');
    await act(cookies.daoli, firstId, 'reject', '本支部无法接收');
    const afterReject = await request(cookies.sender, {
      ...valid(),
      memberId: members[1]!.id,
      toOrganizationId: nearby.id,
    });
    expect(afterReject.status).toBe(201);
    // Two requests at once for one member: exactly one gets through.
    const racing = await Promise.all([
      request(cookies.sender, { ...valid(), memberId: members[7]!.id }),
      request(cookies.sender, { ...valid(), memberId: members[7]!.id, toOrganizationId: nearby.id }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('keeps each step to its side and order: 403 for the wrong side, 409 out of order, 404 for strangers', async () => {
    const created = await request(cookies.sender, { ...valid(), memberId: members[2]!.id });
    const { id } = created.body(transferSchema);
    const early = await act(cookies.daoli, id, 'approve_receiving');
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({
      code: 'transfer.invalid_transition',
      message: '转接当前状态为 requested，不能执行 approve_receiving',
    });
    const wrongSide = await act(cookies.daoli, id, 'approve_sending');
    expect(wrongSide.status).toBe(403);
    expect(wrongSide.error.code).toBe('transfer.sending_side_only');
    const receiptBySender = await act(cookies.sender, id, 'receipt');
    expect(receiptBySender.status).toBe(403);
    expect(receiptBySender.error.code).toBe('transfer.receiving_side_only');
    const stranger = await act(cookies.nearby, id, 'reject');
    expect(stranger.status).toBe(404);
    expect((await env.inject('GET', `/api/transfers/${id}`, { cookie: cookies.nearby })).status).toBe(404);
    const early2 = await act(cookies.sender, id, 'approve_sending');
    expect(early2.body(transferSchema).status).toBe('sender_approved');
    const receiptTooSoon = await act(cookies.daoli, id, 'receipt');
    expect(receiptTooSoon.status).toBe(409);
    expect(receiptTooSoon.error.code).toBe('transfer.invalid_transition');
    const badAction = await act(cookies.daoli, id, 'teleport');
    expect(badAction.status).toBe(400);
    expect(badAction.error.fields?.[0]?.path).toBe('action');
    expect(await membership(members[2]!.id)).toEqual({
      organization_id: sender.id,
      region_code: QINGNIAN,
      open: [sender.id],
    });
  });

  it('moves a member to another district on receipt only, with events and audit rows for every step', async () => {
    const member = members[3]!;
    const created = await request(cookies.sender, { ...valid(), memberId: member.id, note: '工作调动' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: 'requested',
      member: { id: member.id },
      fromOrganization: { id: sender.id, name: '青年社区第一党支部' },
      toOrganization: { id: daoli.id, name: '索菲亚社区党支部' },
      duesPaidUntil: thisMonth(),
      letterValidDays: 30,
      letterExpiresAt: null,
    });
    // Neither side is shown the other's region.
    expect(JSON.stringify(created.json)).not.toContain(DAOLI_COMMUNITY);
    const { id } = created.body(transferSchema);
    expect(await membership(member.id)).toEqual({
      organization_id: sender.id,
      region_code: QINGNIAN,
      open: [sender.id],
    });

    expect((await act(cookies.sender, id, 'approve_sending')).body(transferSchema).status).toBe(
      'sender_approved',
    );
    expect(await membership(member.id)).toEqual({
      organization_id: sender.id,
      region_code: QINGNIAN,
      open: [sender.id],
    });

    const before = env.now().getTime();
    const issued = await act(cookies.daoli, id, 'approve_receiving', '同意接收');
    const letter = issued.body(transferSchema);
    expect(letter.status).toBe('letter_issued');
    const expires = new Date(letter.letterExpiresAt!).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(expires - before).toBeLessThan(30 * DAY_MS + 60_000);
    expect(await membership(member.id)).toEqual({
      organization_id: sender.id,
      region_code: QINGNIAN,
      open: [sender.id],
    });

    const incoming = await env.inject('GET', '/api/transfers?direction=incoming', { cookie: cookies.daoli });
    expect(incoming.body(transferListSchema).items.map((t) => t.id)).toContain(id);
    const theirOutgoing = await env.inject('GET', '/api/transfers?direction=outgoing', {
      cookie: cookies.daoli,
    });
    expect(theirOutgoing.body(transferListSchema).items).toEqual([]);
    const outgoing = await env.inject('GET', '/api/transfers?direction=outgoing&status=letter_issued', {
      cookie: cookies.sender,
    });
    expect(outgoing.body(transferListSchema).items.map((t) => t.id)).toEqual([id]);

    const received = await act(cookies.daoli, id, 'receipt', '已报到');
    expect(received.status).toBe(200);
    expect(received.body(transferSchema).status).toBe('completed');
    expect(await membership(member.id)).toEqual({
      organization_id: daoli.id,
      region_code: DAOLI_COMMUNITY,
      open: [daoli.id],
    });
    const closed = await env.database.db
      .selectFrom('member_history')
      .select(['organization_id', 'to_at', 'reason'])
      .where('member_id', '=', member.id)
      .where('organization_id', '=', sender.id)
      .executeTakeFirstOrThrow();
    expect(closed.to_at).toEqual(expect.any(String));

    const again = await act(cookies.daoli, id, 'receipt');
    expect(again.status).toBe(409);
    // The member left the sender's scope: the sender cannot start another transfer for them.
    expect(
      (await request(cookies.sender, { ...valid(), memberId: member.id, toOrganizationId: nearby.id }))
        .status,
    ).toBe(404);

    const detail = (await env.inject('GET', `/api/transfers/${id}`, { cookie: cookies.daoli })).body(
      transferDetailSchema,
    );
    expect(detail.side).toBe('receiving');
    expect(detail.events.map((e) => [e.action, e.note])).toEqual([
      ['requested', '工作调动'],
      ['approve_sending', ''],
      ['approve_receiving', '同意接收'],
      ['receipt', '已报到'],
    ]);
    expect(
      (await env.inject('GET', `/api/transfers/${id}`, { cookie: cookies.sender })).body(transferDetailSchema)
        .side,
    ).toBe('sending');
    // Each side's steps are audited in its own region: each district's auditors see their part.
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'region_code'])
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => [row.action, row.region_code])).toEqual([
      ['transfer.requested', QINGNIAN],
      ['transfer.sender_approved', QINGNIAN],
      ['transfer.letter_issued', DAOLI_COMMUNITY],
      ['transfer.completed', DAOLI_COMMUNITY],
    ]);
  });

  it('expires unused letters with expireTransfers: the member never left the sender', async () => {
    const member = members[4]!;
    const created = await request(cookies.sender, {
      ...valid(),
      memberId: member.id,
      toOrganizationId: nearby.id,
      letterValidDays: 1,
    });
    const { id } = created.body(transferSchema);
    await act(cookies.sender, id, 'approve_sending');
    const issued = await act(cookies.nearby, id, 'approve_receiving');
    const expiresAt = new Date(issued.body(transferSchema).letterExpiresAt!).getTime();
    expect(await expireTransfers(env.ctx, new Date(expiresAt - 60_000))).toEqual([]);
    expect(await expireTransfers(env.ctx, new Date(expiresAt + 60_000))).toEqual([id]);
    expect(await expireTransfers(env.ctx, new Date(expiresAt + 120_000))).toEqual([]);
    const detail = (await env.inject('GET', `/api/transfers/${id}`, { cookie: cookies.nearby })).body(
      transferDetailSchema,
    );
    expect(detail.status).toBe('expired');
    expect(detail.events.at(-1)?.action).toBe('expired');
    expect(await membership(member.id)).toEqual({
      organization_id: sender.id,
      region_code: QINGNIAN,
      open: [sender.id],
    });
    const receipt = await act(cookies.nearby, id, 'receipt');
    expect(receipt.status).toBe(409);
    // An expired transfer no longer blocks a new one.
    expect((await request(cookies.sender, { ...valid(), memberId: member.id })).status).toBe(201);
  });

  it('refuses a receipt after the letter expired, and expires letters on request for org.write callers', async () => {
    const late = members[5]!;
    const batch = members[6]!;
    const ids: string[] = [];
    for (const member of [late, batch]) {
      const created = await request(cookies.sender, {
        ...valid(),
        memberId: member.id,
        toOrganizationId: nearby.id,
        letterValidDays: 1,
      });
      const { id } = created.body(transferSchema);
      await act(cookies.sender, id, 'approve_sending');
      await act(cookies.nearby, id, 'approve_receiving');
      ids.push(id);
    }
    env.advanceMinutes(24 * 60 + 5);
    // Sessions idle out over a day: sign in again.
    const receiver = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    const secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const member = (await env.loginAs({ role: 'member', regionCode: QINGNIAN })).cookie;
    const receipt = await act(receiver, ids[0]!, 'receipt');
    expect(receipt.status).toBe(409);
    expect(receipt.error.code).toBe('transfer.letter_expired');
    expect(
      (await env.inject('GET', `/api/transfers/${ids[0]}`, { cookie: receiver })).body(transferDetailSchema)
        .status,
    ).toBe('expired');
    expect(await membership(late.id)).toEqual({
      organization_id: sender.id,
      region_code: QINGNIAN,
      open: [sender.id],
    });

    expect((await env.inject('POST', '/api/transfers/expire', { cookie: member })).status).toBe(403);
    const expired = await env.inject('POST', '/api/transfers/expire', { cookie: secretary });
    expect(expired.status).toBe(200);
    expect(expired.body(expiredTransfersSchema).expired).toEqual([ids[1]]);
    const admin = await env.loginAdmin();
    const audit = await env.inject('GET', `/api/audit?action=transfer.expired&targetId=${ids[1]}`, {
      cookie: admin,
    });
    expect(audit.body(auditPageSchema).items).toHaveLength(1);
  });
});
