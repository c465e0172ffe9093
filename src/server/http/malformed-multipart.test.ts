import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api/common.js';
import { requestSummarySchema } from '../../shared/api/portal.js';
import { workOrderSchema } from '../../shared/api/work-orders.js';
import { residentRows, writeResidentXlsx } from '../fixtures/resident-rows.js';
import { newPhone, residentLogin } from '../modules/portal/testing.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../modules/work-orders/testing.js';
import { describeEachDialect } from '../testing/test-env.js';

/** Three ways a multipart body goes wrong on the wire; each must be the client's 400, not a 500. */
function malformedBodies(content: Buffer): { name: string; payload: Buffer; contentType: string }[] {
  const boundary = '----lianxinMalformed0123';
  const part = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return [
    { name: 'no boundary', payload: part, contentType: 'multipart/form-data' },
    {
      name: 'a wrong boundary',
      payload: part,
      contentType: 'multipart/form-data; boundary=----somethingElse9876',
    },
    {
      name: 'a truncated body',
      payload: part.subarray(0, part.length - Math.floor(content.length / 2) - 40),
      contentType: `multipart/form-data; boundary=${boundary}`,
    },
  ];
}

/** What uploads left in the data directory: their temporary files and the imports' folders. */
const leftovers = (dataDir: string) =>
  ['tmp', 'imports'].flatMap((folder) => {
    const directory = path.join(dataDir, folder);
    return fs.existsSync(directory) ? fs.readdirSync(directory) : [];
  });

describeEachDialect('malformed multipart bodies on every upload route', (env) => {
  let world: WorkOrderWorld;
  let orderId = '';
  let portalOrderId = '';
  let resident = '';
  let spreadsheet: Buffer;
  beforeAll(async () => {
    world = await workOrderWorld(env);
    orderId = (
      await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      })
    ).body(workOrderSchema).id;
    resident = await residentLogin(env, newPhone());
    portalOrderId = (
      await env.inject('POST', '/api/portal/requests', {
        cookie: resident,
        body: {
          categoryCode: 'livelihood.repair',
          description: '楼道里的水管漏水，地面结冰很滑',
          regionCode: world.gridCode,
          address: '1号楼2单元',
        },
      })
    ).body(requestSummarySchema).id;
    const file = env.file('rows.xlsx');
    await writeResidentXlsx(
      file,
      residentRows({ count: 30, gridCode: world.gridCode, buildings: [], seed: 3 }),
    );
    spreadsheet = fs.readFileSync(file);
  });

  const routes = () => [
    { url: '/api/imports', cookie: world.admin },
    { url: '/api/members/import', cookie: world.admin },
    { url: `/api/work-orders/${orderId}/attachments`, cookie: world.secretary.cookie },
    { url: `/api/portal/requests/${portalOrderId}/photos`, cookie: resident },
  ];

  it('answers 400 with the error body and keeps no temporary file', async () => {
    const seen: string[] = [];
    for (const route of routes()) {
      for (const body of malformedBodies(spreadsheet)) {
        const response = await env.app.inject({
          method: 'POST',
          url: route.url,
          headers: { cookie: route.cookie, 'content-type': body.contentType },
          payload: body.payload,
        });
        seen.push(`${route.url.replace(/[0-9a-f-]{36}/, ':id')} ${body.name}: ${response.statusCode}`);
        expect(response.statusCode, `${route.url} with ${body.name}`).toBe(400);
        // Strict: a key beyond the error shape's would fail the parse rather than be dropped.
        const json = errorBodySchema.strict().parse(response.json());
        expect(Object.keys(json).sort()).toEqual(['code', 'message', 'requestId']);
        expect(json.code).toBe('request.malformed_multipart');
        expect(json.message).toMatch(/multipart|表单/);
      }
    }
    expect(seen).toHaveLength(12);
    expect(leftovers(env.handle.dataDir)).toEqual([]);
    expect(await env.countRows('import_jobs')).toBe(0);
    expect(await env.countRows('work_order_attachments')).toBe(0);
  });
});
