import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { photoSchema, requestDetailSchema, requestSummarySchema } from '../../../shared/api/portal.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { newPhone, PNG, photoBytes, repairRequest, residentLogin, uploadPhoto } from './testing.js';

const { jpeg: JPEG, webp: WEBP } = await photoBytes();

describeEachDialect('portal request photos', (env) => {
  let world: WorkOrderWorld;
  let alice = '';
  let bob = '';
  beforeAll(async () => {
    world = await workOrderWorld(env);
    alice = await residentLogin(env, newPhone());
    bob = await residentLogin(env, newPhone());
  });

  const submit = (cookie: string, body: Record<string, unknown>) =>
    env.inject('POST', '/api/portal/requests', { cookie, body });
  const repair = (overrides: Record<string, unknown> = {}) => repairRequest(world.gridCode, overrides);
  const upload = (cookie: string, orderId: string, content: Buffer, fileName: string) =>
    uploadPhoto(env, cookie, orderId, content, fileName);

  describe('photos', () => {
    let orderId = '';
    beforeAll(async () => {
      orderId = (await submit(alice, repair({ description: '屋顶渗水，墙皮脱落' }))).body(
        requestSummarySchema,
      ).id;
    });

    it('judges a photo by its bytes: text named .jpg is refused', async () => {
      const fake = await upload(alice, orderId, Buffer.from('this is not a picture at all'), 'photo.jpg');
      expect(fake.status).toBe(400);
      expect(fake.error.fields?.[0]).toEqual({
        path: 'file',
        message: '只能上传 JPEG、PNG 或 WebP 格式的照片',
      });
      const pdf = await upload(alice, orderId, Buffer.from('%PDF-1.7 fake'), 'photo.png');
      expect(pdf.status).toBe(400);
      expect(await env.countRows('work_order_attachments')).toBe(0);
    });

    it('refuses a photo over 5 MB', async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const response = await upload(alice, orderId, big, 'big.png');
      expect(response.status).toBe(413);
      expect(response.error.code).toBe('portal.photo_too_large');
    });

    it('takes three photos, whatever their names, and no fourth', async () => {
      const taken = [
        await upload(alice, orderId, PNG, 'IMG_0001.HEIC'),
        await upload(alice, orderId, JPEG, 'kitchen.png'),
        await upload(alice, orderId, WEBP, 'wall'),
      ];
      expect(taken.map((t) => [t.status, t.body(photoSchema).mediaType])).toEqual([
        [201, 'image/png'],
        [201, 'image/jpeg'],
        [201, 'image/webp'],
      ]);
      const fourth = await upload(alice, orderId, PNG, 'four.png');
      expect(fourth.status).toBe(400);
      expect(fourth.error.code).toBe('portal.too_many_photos');

      const photoId = taken[0]!.body(photoSchema).id;
      const file = path.join(env.config.dataDir, 'attachments', orderId, photoId);
      expect(fs.readFileSync(file).equals(PNG)).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);

      const detail = await env.inject('GET', `/api/portal/requests/${orderId}`, { cookie: alice });
      expect(detail.body(requestDetailSchema).photos).toHaveLength(3);
      const served = await env.app.inject({
        method: 'GET',
        url: `/api/portal/requests/${orderId}/photos/${photoId}`,
        headers: { cookie: alice },
      });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.rawPayload.equals(PNG)).toBe(true);
      const stolen = await env.inject('GET', `/api/portal/requests/${orderId}/photos/${photoId}`, {
        cookie: bob,
      });
      expect(stolen.status).toBe(404);
    });
  });
});
