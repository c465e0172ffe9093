import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { v4 as uuidv4 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { multipartFile } from '../../testing/multipart.js';
import { describeEachDialect, type TestEnv } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { IDEMPOTENCY_KEY_DAYS, purgeExpiredIdempotencyKeys } from './idempotent-requests.js';

/**
 * Issue 16: a grid worker's resolution, note or photo sent again (a draft typed offline, a lost
 * answer, two tabs) with its Idempotency-Key takes effect once and answers the first result.
 */
describeEachDialect('idempotency keys on an order’s steps and photos', (env) => {
  let world: WorkOrderWorld;
  let photo = '';
  beforeAll(async () => {
    world = await workOrderWorld(env);
    photo = env.file('done.jpg');
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f8f4f' } })
      .jpeg()
      .toFile(photo);
  });

  const act = (cookie: string, id: string, body: Record<string, unknown>, key?: string, language = 'zh') =>
    env.inject('POST', `/api/work-orders/${id}/actions`, {
      cookie,
      body,
      headers: { 'accept-language': language, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    });

  const upload = async (cookie: string, id: string, key?: string, file = photo) => {
    const form = multipartFile(file);
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/work-orders/${id}/attachments`,
      headers: { ...form.headers, cookie, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: form.payload,
    });
    return { status: response.statusCode, json: response.json() as unknown };
  };

  /** An order given to the world's grid worker and signed: theirs to resolve. */
  async function orderInProgress(): Promise<string> {
    const created = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world),
    });
    const id = created.body(workOrderSchema).id;
    expect(
      (await act(world.secretary.cookie, id, { action: 'dispatch', assigneeUserId: world.worker.id })).status,
    ).toBe(200);
    expect((await act(world.worker.cookie, id, { action: 'sign' })).status).toBe(200);
    return id;
  }

  const count = async (table: 'work_order_events' | 'audit_log', id: string, action: string) => {
    const db = env.database.db;
    const rows =
      table === 'work_order_events'
        ? await db
            .selectFrom('work_order_events')
            .select('id')
            .where('work_order_id', '=', id)
            .where('action', '=', action)
            .execute()
        : await db
            .selectFrom('audit_log')
            .select('seq')
            .where('target_id', '=', id)
            .where('action', '=', action)
            .execute();
    return rows.length;
  };
  const filesOf = (orderId: string) =>
    fs.readdirSync(path.join(env.config.dataDir, 'attachments', orderId)).filter((f) => !f.endsWith('.webp'));

  describe('refuses a key that is no UUID, naming the header, in zh and en', () => {
    let id = '';
    beforeAll(async () => {
      id = await orderInProgress();
    });

    it('on a step', async () => {
      const zh = await act(world.worker.cookie, id, { action: 'comment', note: '已联系' }, 'draft-1');
      expect(zh.status).toBe(400);
      expect(zh.error.fields).toEqual([
        { path: 'headers.idempotency-key', message: '幂等键应为 UUID（如 3f2b…-…）' },
      ]);
      const en = await act(
        world.worker.cookie,
        id,
        { action: 'comment', note: 'called' },
        'x'.repeat(200),
        'en',
      );
      expect(en.error.fields).toEqual([
        { path: 'headers.idempotency-key', message: 'an idempotency key is a UUID (such as 3f2b…-…)' },
      ]);
      expect(await count('work_order_events', id, 'comment')).toBe(0);
    });

    it('on a photo', async () => {
      const response = await upload(world.worker.cookie, id, '12345');
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ fields: [{ path: 'headers.idempotency-key' }] });
      expect(await env.countRows('work_order_attachments')).toBe(0);
    });
  });

  it('stores a resolution with its photo once when the draft is sent twice', async () => {
    const id = await orderInProgress();
    const photoKey = uuidv4();
    const first = await upload(world.worker.cookie, id, photoKey);
    const again = await upload(world.worker.cookie, id, photoKey);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const attachment = attachmentSchema.parse(first.json);
    expect(attachmentSchema.parse(again.json)).toEqual(attachment);
    expect(filesOf(id)).toEqual([attachment.id]);
    expect(await count('audit_log', id, 'workorder.attachment_added')).toBe(1);

    const resolveKey = uuidv4();
    const body = {
      action: 'resolve',
      note: '已为老人联系助餐点，每天送餐上门',
      attachmentIds: [attachment.id],
    };
    const notificationsBefore = await env.countRows('notifications');
    const resolved = await act(world.worker.cookie, id, body, resolveKey);
    expect(resolved.status).toBe(200);
    const notificationsAfter = await env.countRows('notifications');
    const repeated = await act(world.worker.cookie, id, body, resolveKey);
    expect(repeated.status).toBe(200);
    expect(repeated.body(workOrderSchema)).toEqual(resolved.body(workOrderSchema));
    expect(resolved.body(workOrderSchema)).toMatchObject({ status: 'pending_review', resolution: body.note });
    expect(await count('work_order_events', id, 'resolve')).toBe(1);
    expect(await count('audit_log', id, 'workorder.resolve')).toBe(1);
    expect(await env.countRows('notifications')).toBe(notificationsAfter);
    expect(notificationsAfter).toBeGreaterThan(notificationsBefore);
    // Without the key the same step is a second request, refused as the order has moved on.
    const unkeyed = await act(world.worker.cookie, id, body);
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.error.code).toBe('workorder.illegal_transition');
  });

  it('takes a step once when its twins arrive together', async () => {
    const id = await orderInProgress();
    const key = uuidv4();
    const body = { action: 'resolve', note: '已修好楼道灯' };
    const answers = await Promise.all([1, 2, 3].map(() => act(world.worker.cookie, id, body, key)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body(workOrderSchema).version)).size).toBe(1);
    expect(await count('work_order_events', id, 'resolve')).toBe(1);

    const photoKey = uuidv4();
    const uploads = await Promise.all([1, 2].map(() => upload(world.worker.cookie, id, photoKey)));
    expect(uploads.map((u) => u.status)).toEqual([201, 201]);
    expect(new Set(uploads.map((u) => attachmentSchema.parse(u.json).id)).size).toBe(1);
    expect(filesOf(id)).toHaveLength(1);
  });

  it('keeps the keys of different users apart', async () => {
    const id = await orderInProgress();
    const key = uuidv4();
    expect(
      (await act(world.worker.cookie, id, { action: 'comment', note: '网格员：已上门' }, key)).status,
    ).toBe(200);
    expect(
      (await act(world.secretary.cookie, id, { action: 'comment', note: '书记：已知悉' }, key)).status,
    ).toBe(200);
    expect(await count('work_order_events', id, 'comment')).toBe(2);
    // Someone else's key is not a way to read their order either: an outsider's is theirs alone.
    expect(
      (await act(world.outsider.cookie, id, { action: 'comment', note: '网格员：已上门' }, key)).status,
    ).toBe(404);
  });

  it('refuses a key sent again with other content, naming it, and writes nothing', async () => {
    const id = await orderInProgress();
    const key = uuidv4();
    expect((await act(world.worker.cookie, id, { action: 'comment', note: '第一次' }, key)).status).toBe(200);
    const changed = await act(world.worker.cookie, id, { action: 'comment', note: '第二次' }, key);
    expect(changed.status).toBe(422);
    expect(changed.error.code).toBe('idempotency.key_reused');
    expect(changed.error.fields?.[0]?.path).toBe('headers.idempotency-key');
    const english = await act(world.worker.cookie, id, { action: 'comment', note: '第二次' }, key, 'en');
    expect(english.error.message).toBe(
      'This idempotency key was used for another request; make a new key for a new request',
    );
    // Another order, or a photo, with the key of a note: refused as well.
    const other = await orderInProgress();
    expect((await act(world.worker.cookie, other, { action: 'comment', note: '第一次' }, key)).status).toBe(
      422,
    );
    const photoWithNoteKey = await upload(world.worker.cookie, id, key);
    expect(photoWithNoteKey.status).toBe(422);
    expect(photoWithNoteKey.json).toMatchObject({ code: 'idempotency.key_reused' });
    expect(await count('work_order_events', id, 'comment')).toBe(1);
    expect(await count('work_order_events', other, 'comment')).toBe(0);
    expect(fs.existsSync(path.join(env.config.dataDir, 'attachments', id))).toBe(false);
  });

  it('forgets a key after a week: lazily for a new request, and in the hourly sweep', async () => {
    const id = await orderInProgress();
    // A colleague of the grid, signed in again after the week (a session does not last so long).
    const colleague = await env.createUser({ role: 'grid_worker', regionCode: world.gridCode });
    let cookie = await env.login(colleague.username, colleague.password);
    const kept = uuidv4();
    const reused = uuidv4();
    expect((await act(cookie, id, { action: 'comment', note: '上周的备注' }, kept)).status).toBe(200);
    expect((await act(cookie, id, { action: 'comment', note: '上周的另一条' }, reused)).status).toBe(200);
    expect(await purgeExpiredIdempotencyKeys(env.ctx, env.now())).toBe(0);
    advanceDays(env, IDEMPOTENCY_KEY_DAYS);
    cookie = await env.login(colleague.username, colleague.password);
    const fresh = await act(cookie, id, { action: 'comment', note: '本周的新备注' }, reused);
    expect(fresh.status).toBe(200);
    expect(await count('work_order_events', id, 'comment')).toBe(3);
    const live = await env.countRows('idempotency_keys');
    expect(await purgeExpiredIdempotencyKeys(env.ctx, env.now())).toBeGreaterThanOrEqual(1);
    expect(await env.countRows('idempotency_keys')).toBeLessThan(live);
    const rows = await env.database.db.selectFrom('idempotency_keys').select('request_key').execute();
    expect(rows.map((r) => r.request_key)).toContain(reused);
    expect(rows.map((r) => r.request_key)).not.toContain(kept);
  });
});

function advanceDays(env: TestEnv, days: number): void {
  env.advanceMinutes(days * 24 * 60 + 1);
}
