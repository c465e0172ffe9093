import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  placeListSchema,
  portalCategoryListSchema,
  requestDetailSchema,
  requestPageSchema,
  requestSummarySchema,
  timelineItemSchema,
} from '../../../shared/api/portal.js';
import { workOrderDetailSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { deliverTexts, newPhone, PNG, repairRequest, residentLogin, uploadPhoto } from './testing.js';

/**
 * The parts of the resident's data export (a download the web saves, no shared schema) this test
 * reads; portal.service.ts exportData writes it.
 */
const exportSchema = z.object({
  account: z.object({ phone: z.string() }),
  requests: z.array(
    z.object({ number: z.string(), description: z.string(), timeline: z.array(timelineItemSchema) }),
  ),
});

describeEachDialect('portal requests', (env) => {
  let world: WorkOrderWorld;
  let alice = '';
  let bob = '';
  const alicePhone = newPhone();
  beforeAll(async () => {
    world = await workOrderWorld(env);
    alice = await residentLogin(env, alicePhone);
    bob = await residentLogin(env, newPhone());
  });

  const submit = (cookie: string, body: Record<string, unknown>) =>
    env.inject('POST', '/api/portal/requests', { cookie, body });
  const repair = (overrides: Record<string, unknown> = {}) => repairRequest(world.gridCode, overrides);
  const upload = (cookie: string, orderId: string, content: Buffer, fileName: string) =>
    uploadPhoto(env, cookie, orderId, content, fileName);
  const act = (cookie: string, id: string, body: Record<string, unknown>) =>
    env.inject('POST', `/api/work-orders/${id}/actions`, { cookie, body });

  describe('refuses bad requests, naming the field', () => {
    it('an unknown category and a group', async () => {
      const unknown = await submit(alice, repair({ categoryCode: 'nope' }));
      expect(unknown.status).toBe(400);
      expect(unknown.error.fields?.[0]?.path).toBe('categoryCode');
      const group = await submit(alice, repair({ categoryCode: 'livelihood' }));
      expect(group.error.fields?.[0]?.path).toBe('categoryCode');
    });
    it('a place coarser than a community, or outside the district', async () => {
      const street = await submit(alice, repair({ regionCode: XINGJIAN_STREET }));
      expect(street.status).toBe(400);
      expect(street.error.fields?.[0]).toEqual({ path: 'regionCode', message: '请至少选择到社区（村）' });
      const elsewhere = await submit(alice, repair({ regionCode: '110101001001' }));
      expect(elsewhere.error.fields?.[0]?.path).toBe('regionCode');
    });
    it('a description too short, an unknown field', async () => {
      expect((await submit(alice, repair({ description: '漏水' }))).error.fields?.[0]?.path).toBe(
        'description',
      );
      expect((await submit(alice, repair({ personId: world.people[0]!.id }))).status).toBe(400);
    });
    it('writes nothing when refused', async () => {
      expect(await env.countRows('work_orders')).toBe(0);
    });
  });

  it('offers active leaf categories with their group, and public place names without buildings', async () => {
    const categories = (await env.inject('GET', '/api/portal/categories', { cookie: alice })).body(
      portalCategoryListSchema,
    ).items;
    const codes = categories.map((c) => c.code);
    expect(codes).toContain('livelihood.repair');
    expect(codes).not.toContain('livelihood');
    expect(categories.find((c) => c.code === 'livelihood.elderly_care')).toMatchObject({
      name: '独居老人照料',
      groupName: '民生求助',
      attributes: [{ code: 'care_need', datatype: 'multivaluelist' }],
    });
    const places = (await env.inject('GET', '/api/portal/places', { cookie: alice })).body(
      placeListSchema,
    ).items;
    const kinds = new Set(places.map((p) => p.kind));
    expect(kinds.has('street') && kinds.has('community') && kinds.has('grid')).toBe(true);
    expect(kinds.has('building')).toBe(false);
    expect(places.find((p) => p.code === QINGNIAN)).toMatchObject({
      name: '青年社区',
      parentCode: XINGJIAN_STREET,
    });
  });

  it('turns a request into a portal work order that staff handle, with an SMS to the resident', async () => {
    const created = await submit(alice, repair());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: 'received',
      categoryCode: 'livelihood.repair',
      categoryName: '房屋维修',
    });
    const { id, number } = created.body(requestSummarySchema);
    const staffView = await env.inject('GET', `/api/work-orders/${id}`, {
      cookie: world.secretary.cookie,
    });
    expect(staffView.json).toMatchObject({
      channel: 'portal',
      regionCode: world.gridCode,
      address: '1号楼2单元',
      contactPhone: `${alicePhone.slice(0, 3)}****${alicePhone.slice(7)}`,
      handlerRegionCode: QINGNIAN,
    });
    const texts = await deliverTexts(env);
    expect(texts.find((m) => m.phone === alicePhone && m.template === 'order_accepted')?.text).toContain(
      number,
    );
  });

  it('shows a resident only their own requests: another’s is not found', async () => {
    const own = (await submit(bob, repair({ description: '单元门门禁坏了，关不上' }))).body(
      requestSummarySchema,
    );
    const bobList = (await env.inject('GET', '/api/portal/requests', { cookie: bob })).body(
      requestPageSchema,
    );
    expect(bobList.items.map((r) => r.id)).toEqual([own.id]);
    const aliceList = (await env.inject('GET', '/api/portal/requests', { cookie: alice })).body(
      requestPageSchema,
    );
    expect(aliceList.items.map((r) => r.id)).not.toContain(own.id);
    const aliceOrder = aliceList.items[0]!.id;
    expect((await env.inject('GET', `/api/portal/requests/${aliceOrder}`, { cookie: bob })).status).toBe(404);
    expect((await upload(bob, aliceOrder, PNG, 'a.png')).status).toBe(404);
    const rating = await env.inject('POST', `/api/portal/requests/${aliceOrder}/rating`, {
      cookie: bob,
      body: { satisfaction: 'satisfied' },
    });
    expect(rating.status).toBe(404);
    // Staff-side intake orders are no resident's.
    expect((await env.inject('GET', `/api/portal/requests/${own.id}`, { cookie: alice })).error.code).toBe(
      'portal.request_not_found',
    );
  });

  it('lists newest first, in pages', async () => {
    const second = (await submit(alice, repair({ description: '小区路灯不亮，晚上很黑' }))).body(
      requestSummarySchema,
    );
    const first = (await env.inject('GET', '/api/portal/requests?limit=1', { cookie: alice })).body(
      requestPageSchema,
    );
    expect(first.items.map((r) => r.id)).toEqual([second.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = (
      await env.inject('GET', `/api/portal/requests?limit=1&cursor=${first.nextCursor}`, { cookie: alice })
    ).body(requestPageSchema);
    expect(next.items).toHaveLength(1);
    expect(next.items[0]?.id).not.toBe(second.id);
  });

  it('refuses the resident cookie on staff routes and the staff cookie on resident routes', async () => {
    expect((await env.inject('GET', '/api/work-orders', { cookie: alice })).status).toBe(401);
    expect((await env.inject('GET', '/api/portal/requests', { cookie: world.admin })).status).toBe(401);
  });

  describe('following and rating', () => {
    let orderId = '';
    beforeAll(async () => {
      orderId = (await submit(alice, repair({ description: '暖气片漏水，需要维修' }))).body(
        requestSummarySchema,
      ).id;
    });
    const detailAnswer = () => env.inject('GET', `/api/portal/requests/${orderId}`, { cookie: alice });
    const detail = async () => (await detailAnswer()).body(requestDetailSchema);
    const rate = (body: Record<string, unknown>) =>
      env.inject('POST', `/api/portal/requests/${orderId}/rating`, { cookie: alice, body });

    it('refuses a rating before the request is closed', async () => {
      const early = await rate({ satisfaction: 'satisfied' });
      expect(early.status).toBe(409);
      expect(early.error.code).toBe('portal.cannot_rate');
    });

    it('shows the steps without staff names or internal notes', async () => {
      await act(world.secretary.cookie, orderId, { action: 'dispatch', targetRegionCode: world.gridCode });
      await act(world.secretary.cookie, orderId, { action: 'comment', note: '内部备注：此户曾多次反映' });
      await act(world.worker.cookie, orderId, { action: 'sign' });
      await act(world.secretary.cookie, orderId, { action: 'urge', note: '请尽快处理' });
      await act(world.worker.cookie, orderId, { action: 'resolve', note: '已更换暖气阀门，不再漏水' });
      await act(world.secretary.cookie, orderId, { action: 'review', approve: true });
      const answer = await detailAnswer();
      const seen = answer.body(requestDetailSchema);
      expect(seen).toMatchObject({
        status: 'closed',
        canRate: true,
        resolution: '已更换暖气阀门，不再漏水',
        placePath: ['兴建街道', '青年社区', expect.any(String)],
      });
      expect(seen.timeline.map((step) => step.kind)).toEqual([
        'submitted',
        'dispatched',
        'signed',
        'resolved',
        'closed',
      ]);
      expect(seen.timeline[1]?.unitName).toBe(seen.placePath[2]);
      // The answer as sent, so a field the schema does not know cannot hide a leak.
      const text = answer.raw.body;
      expect(text).not.toContain('内部备注');
      expect(text).not.toContain('请尽快处理');
      const usernames = await env.database.db.selectFrom('users').select('username').execute();
      for (const { username } of usernames) expect(text).not.toContain(username);
    });

    it('asks why when unsatisfied; unsatisfied reopens the order and tells its handlers', async () => {
      const bare = await rate({ satisfaction: 'unsatisfied' });
      expect(bare.status).toBe(400);
      expect(bare.error.fields?.[0]?.path).toBe('comment');
      expect((await rate({ satisfaction: 'so-so' })).error.fields?.[0]?.path).toBe('satisfaction');

      const reopened = await rate({ satisfaction: 'unsatisfied', comment: '第二天又漏了' });
      expect(reopened.status).toBe(200);
      expect(reopened.body(requestSummarySchema).status).toBe('in_progress');
      const staffView = await env.inject('GET', `/api/work-orders/${orderId}`, {
        cookie: world.secretary.cookie,
      });
      expect(staffView.json).toMatchObject({
        status: 'in_progress',
        reopenCount: 1,
        satisfaction: 'unsatisfied',
      });
      const callback = staffView.body(workOrderDetailSchema).events.at(-1);
      expect(callback).toMatchObject({ action: 'callback', note: '第二天又漏了', data: { by: 'resident' } });
      const told = await env.database.db
        .selectFrom('notifications')
        .select('recipient_user_id')
        .where('work_order_id', '=', orderId)
        .where('template', '=', 'order_reopened')
        .execute();
      expect(told.map((n) => n.recipient_user_id)).toContain(world.worker.id);
      const audit = await env.database.db
        .selectFrom('audit_log')
        .select(['actor_id', 'actor_name'])
        .where('target_id', '=', orderId)
        .where('action', '=', 'workorder.callback')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_name).toMatch(/^resident:1\d{2}\*{4}\d{4}$/);

      const seen = await detail();
      expect(seen).toMatchObject({ status: 'in_progress', canRate: false, resolution: '' });
      expect(seen.timeline.at(-1)).toMatchObject({
        kind: 'reopened',
        satisfaction: 'unsatisfied',
        text: '第二天又漏了',
      });
    });

    it('archives on a satisfied rating, once', async () => {
      await act(world.worker.cookie, orderId, { action: 'resolve', note: '更换了整组暖气片' });
      await act(world.secretary.cookie, orderId, { action: 'review', approve: true });
      const rated = await rate({ satisfaction: 'satisfied', comment: '师傅很负责' });
      expect(rated.body(requestSummarySchema).status).toBe('archived');
      expect((await rate({ satisfaction: 'satisfied' })).status).toBe(409);
      const seen = await detail();
      expect(seen).toMatchObject({ status: 'archived', satisfaction: 'satisfied', canRate: false });
      expect(seen.timeline.at(-1)).toMatchObject({
        kind: 'rated',
        satisfaction: 'satisfied',
        text: '师傅很负责',
      });
    });
  });

  it('hands the resident everything held about them, in clear, and audits it', async () => {
    const own = (await env.inject('GET', '/api/portal/requests', { cookie: alice })).body(requestPageSchema);
    const response = await env.inject('POST', '/api/portal/me/export', { cookie: alice });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    const data = response.body(exportSchema);
    expect(data.account.phone).toBe(alicePhone);
    expect(data.requests.map((r) => r.number)).toEqual(own.items.map((r) => r.number));
    const rated = data.requests.find((r) => r.description === '暖气片漏水，需要维修');
    expect(rated?.timeline.at(-1)).toMatchObject({ kind: 'rated', text: '师傅很负责' });
    expect(response.raw.body).not.toContain('内部备注');
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'portal.subject_export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).not.toContain(alicePhone);
  });
});
