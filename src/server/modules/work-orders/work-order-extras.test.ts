import fs from 'node:fs';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { hotlineSchema } from '../../../shared/api/catalogue.js';
import { deedListSchema, deedSummarySchema } from '../../../shared/api/deeds.js';
import { inboxSchema } from '../../../shared/api/notifications.js';
import { attachmentSchema, workOrderDetailSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { multipartFile } from '../../testing/multipart.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createMember, createOrganization } from '../member-workflows/testing.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from './testing.js';

describeEachDialect('work orders: photos, the catalogue and calendar, deeds, the inbox', (env) => {
  let world: WorkOrderWorld;
  let orderId: string;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    orderId = (
      await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      })
    ).body(workOrderSchema).id;
  });

  const upload = async (cookie: string, file: string, fileName?: string) => {
    const form = multipartFile(file, fileName ? { fileName } : {});
    return env.inject('POST', `/api/work-orders/${orderId}/attachments`, {
      cookie,
      headers: form.headers,
      body: form.payload,
    });
  };

  describe('attachments', () => {
    it('refuses a file that is not what its name says', async () => {
      const fake = env.file('photo.jpg');
      fs.writeFileSync(fake, '这不是照片');
      const response = await upload(world.secretary.cookie, fake);
      expect(response.status).toBe(400);
      expect(response.error.code).toBe('workorder.attachment_type');
      expect(await env.countRows('work_order_attachments')).toBe(0);
    });

    it('keeps a photo with a thumbnail, shown only to those who may see the order', async () => {
      const photo = env.file('scene.png');
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c03030' } })
        .png()
        .toFile(photo);
      const response = await upload(world.secretary.cookie, photo, '现场照片.png');
      expect(response.status).toBe(201);
      expect(response.json).toMatchObject({
        mediaType: 'image/png',
        hasThumbnail: true,
        fileName: '现场照片.png',
      });
      const id = response.body(attachmentSchema).id;
      const thumb = await env.app.inject({
        method: 'GET',
        url: `/api/work-order-attachments/${id}/thumbnail`,
        headers: { cookie: world.worker.cookie },
      });
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.rawPayload).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
      const hidden = await env.app.inject({
        method: 'GET',
        url: `/api/work-order-attachments/${id}`,
        headers: { cookie: world.outsider.cookie },
      });
      expect(hidden.statusCode).toBe(404);
      expect((await upload(world.outsider.cookie, photo)).status).toBe(404);
    });

    it('refuses a photo that unpacks to more pixels than a camera takes (a decompression bomb)', async () => {
      // A valid grey PNG of 12,000 × 12,000 pixels (over MAX_IMAGE_PIXELS): 144 MB in about 140 KB.
      const edge = 12_000;
      const chunk = (type: string, data: Buffer) => {
        const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(data.length);
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(zlib.crc32(body));
        return Buffer.concat([length, body, crc]);
      };
      const header = Buffer.alloc(13);
      header.writeUInt32BE(edge, 0);
      header.writeUInt32BE(edge, 4);
      header[8] = 8; // bit depth; colour type 0 (grey), no interlace
      const pixels = zlib.deflateSync(Buffer.alloc((edge + 1) * edge), { level: 9 });
      const bomb = env.file('bomb.png');
      fs.writeFileSync(
        bomb,
        Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          chunk('IHDR', header),
          chunk('IDAT', pixels),
          chunk('IEND', Buffer.alloc(0)),
        ]),
      );
      expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
      const before = await env.countRows('work_order_attachments');
      const response = await upload(world.secretary.cookie, bomb);
      expect(response.status).toBe(400);
      expect(response.error.code).toBe('workorder.attachment_type');
      expect(await env.countRows('work_order_attachments')).toBe(before);
    });

    it('ties uploaded photos to the step that used them, and no photo twice', async () => {
      const photo = env.file('done.png');
      await sharp({ create: { width: 40, height: 40, channels: 3, background: '#30c030' } })
        .png()
        .toFile(photo);
      const photoId = (await upload(world.secretary.cookie, photo)).body(attachmentSchema).id;
      const act = (body: Record<string, unknown>) =>
        env.inject('POST', `/api/work-orders/${orderId}/actions`, { cookie: world.secretary.cookie, body });
      await act({ action: 'dispatch', assigneeUserId: world.worker.id });
      await env.inject('POST', `/api/work-orders/${orderId}/actions`, {
        cookie: world.worker.cookie,
        body: { action: 'sign' },
      });
      const resolved = await env.inject('POST', `/api/work-orders/${orderId}/actions`, {
        cookie: world.worker.cookie,
        body: { action: 'resolve', note: '已处理，见照片', attachmentIds: [photoId] },
      });
      expect(resolved.status).toBe(200);
      const detail = await env.inject('GET', `/api/work-orders/${orderId}`, { cookie: world.worker.cookie });
      const { events, attachments } = detail.body(workOrderDetailSchema);
      const resolveEvent = events.find((e) => e.action === 'resolve');
      expect(attachments.find((a) => a.id === photoId)?.eventId).toBe(resolveEvent?.id);
      // Used once: naming it again on another step is refused and that step is not taken.
      const again = await act({
        action: 'review',
        approve: false,
        note: '再拍一张',
        attachmentIds: [photoId],
      });
      expect(again.status).toBe(400);
      expect(
        (await env.inject('GET', `/api/work-orders/${orderId}`, { cookie: world.worker.cookie })).body(
          workOrderDetailSchema,
        ).status,
      ).toBe('pending_review');
    });
  });

  describe('the catalogue, calendar and hotlines', () => {
    it('refuses bad definitions, naming the field', async () => {
      const bad = await env.inject('POST', '/api/service-categories', {
        cookie: world.admin,
        body: { code: 'Bad Code', name: '', handlerKind: 'galaxy', signHours: 0, resolveDays: -1 },
      });
      expect(bad.status).toBe(400);
      expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(
        ['code', 'handlerKind', 'name', 'resolveDays', 'signHours'].sort(),
      );
      const list = await env.inject('POST', '/api/service-categories', {
        cookie: world.admin,
        body: {
          code: 'livelihood.heating',
          parentCode: 'livelihood',
          name: '供暖问题',
          handlerKind: 'street',
          signHours: 2,
          resolveDays: 2,
          attributes: [
            { code: 'room_temp', datatype: 'singlevaluelist', required: true, description: '室温', order: 1 },
          ],
        },
      });
      expect(list.status).toBe(400);
      expect(list.error.fields?.[0]?.path).toContain('values');
      expect(
        (await env.inject('POST', '/api/service-categories', { cookie: world.secretary.cookie, body: {} }))
          .status,
      ).toBe(403);
    });

    it('a new category is offered at once, and its attributes are enforced at intake', async () => {
      const created = await env.inject('POST', '/api/service-categories', {
        cookie: world.admin,
        body: {
          code: 'livelihood.heating',
          parentCode: 'livelihood',
          name: '供暖问题',
          handlerKind: 'community',
          signHours: 2,
          resolveDays: 2,
          attributes: [
            {
              code: 'room_temp',
              datatype: 'number',
              required: true,
              description: '室温（℃）',
              order: 1,
            },
          ],
        },
      });
      expect(created.status).toBe(201);
      const missing = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world, { categoryCode: 'livelihood.heating' }),
      });
      expect(missing.error.fields?.[0]).toMatchObject({ path: 'attributes.room_temp' });
      const ok = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world, {
          categoryCode: 'livelihood.heating',
          attributes: { room_temp: '14' },
        }),
      });
      expect(ok.body(workOrderSchema).attributes).toEqual({ room_temp: 14 });
    });

    it('a holiday added to the calendar moves the deadlines of new orders', async () => {
      const first = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      });
      const dueDay = first.body(workOrderSchema).dueAt.slice(0, 10);
      // Make every day of the next week a holiday: the deadline moves past it.
      const today = new Date(env.now());
      for (let d = 0; d < 7; d++) {
        const date = new Date(today.getTime() + d * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
        const put = await env.inject('PUT', `/api/calendar/${date}`, {
          cookie: world.admin,
          body: { kind: 'holiday', name: '测试假期' },
        });
        expect(put.status).toBe(204);
      }
      const second = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      });
      expect(second.body(workOrderSchema).dueAt.slice(0, 10) > dueDay).toBe(true);
      expect(
        (
          await env.inject('PUT', '/api/calendar/2026-02-30', {
            cookie: world.admin,
            body: { kind: 'holiday' },
          })
        ).status,
      ).toBe(400);
      expect((await env.inject('DELETE', '/api/calendar/1999-01-01', { cookie: world.admin })).status).toBe(
        404,
      );
    });

    it('hotlines belong to a unit in scope; orders taken on one start there', async () => {
      const line = await env.inject('POST', '/api/hotlines', {
        cookie: world.admin,
        body: { number: '0451-86661234', name: '兴建街道24小时热线', regionCode: '230108001' },
      });
      expect(line.status).toBe(201);
      const duplicate = await env.inject('POST', '/api/hotlines', {
        cookie: world.admin,
        body: { number: '0451-86661234', name: '重复', regionCode: '230108001' },
      });
      expect(duplicate.status).toBe(409);
      const order = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world, { hotlineId: line.body(hotlineSchema).id }),
      });
      expect(order.body(workOrderSchema).handlerRegionCode).toBe('230108001');
    });
  });

  describe('deeds and the inbox', () => {
    it('a member who resolves an order is credited with a deed; members record their own', async () => {
      const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区党支部' });
      const account = await env.loginAs({ role: 'grid_worker', regionCode: world.gridCode });
      const member = await createMember(env, {
        organization: branch,
        personId: world.people[1]!.id,
        userId: account.id,
      });
      const order = (
        await env.inject('POST', '/api/work-orders', {
          cookie: world.operator.cookie,
          body: elderlyCareOrder(world),
        })
      ).body(workOrderSchema).id;
      const act = (cookie: string, body: Record<string, unknown>) =>
        env.inject('POST', `/api/work-orders/${order}/actions`, { cookie, body });
      expect(
        (await act(world.secretary.cookie, { action: 'dispatch', assigneeMemberId: member.id })).status,
      ).toBe(200);
      await act(account.cookie, { action: 'sign' });
      await act(account.cookie, { action: 'resolve', note: '帮老人买菜做饭' });
      const deeds = await env.inject('GET', '/api/deeds', { cookie: world.secretary.cookie });
      expect(deeds.body(deedListSchema).items).toEqual([
        expect.objectContaining({ memberId: member.id, workOrderId: order }),
      ]);

      const own = await env.inject('POST', '/api/me/deeds', {
        cookie: account.cookie,
        body: { title: '帮邻居修水管', doneOn: '2026-11-20' },
      });
      expect(own.status).toBe(201);
      const future = await env.inject('POST', '/api/me/deeds', {
        cookie: account.cookie,
        body: { title: '明天的好事', doneOn: '2099-01-01' },
      });
      expect(future.error.fields?.[0]?.path).toBe('doneOn');
      const notMember = await env.inject('POST', '/api/me/deeds', {
        cookie: world.outsider.cookie,
        body: { title: '好事', doneOn: '2026-11-20' },
      });
      expect(notMember.status).toBe(403);
      const summary = await env.inject('GET', `/api/deeds/summary?region=${QINGNIAN}`, {
        cookie: world.secretary.cookie,
      });
      const { byMember, byRegion } = summary.body(deedSummarySchema);
      expect(byMember).toEqual([expect.objectContaining({ memberId: member.id, deeds: 2 })]);
      expect(byRegion).toEqual([expect.objectContaining({ deeds: 2 })]);

      // The member was told in the app that the order was theirs.
      const inbox = await env.inject('GET', '/api/me/notifications', { cookie: account.cookie });
      const messages = inbox.body(inboxSchema);
      expect(messages.unread).toBe(1);
      expect(messages.items[0]?.text).toContain('已派给您');
      const read = await env.inject('POST', `/api/me/notifications/${messages.items[0]?.id}/read`, {
        cookie: account.cookie,
      });
      expect(read.status).toBe(204);
      // Someone else's message does not exist for them.
      const foreign = await env.inject('POST', `/api/me/notifications/${messages.items[0]?.id}/read`, {
        cookie: world.secretary.cookie,
      });
      expect(foreign.status).toBe(404);
      expect(foreign.error.code).toBe('notification.not_found');
      expect(
        (await env.inject('GET', '/api/me/notifications', { cookie: account.cookie })).body(inboxSchema)
          .unread,
      ).toBe(0);
    });
  });
});
