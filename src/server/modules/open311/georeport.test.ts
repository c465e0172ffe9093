import { beforeAll, describe, expect, it } from 'vitest';
import { workOrderDetailSchema, workOrderPageSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import type { WorkOrderWorld } from '../work-orders/testing.js';
import {
  BASE,
  FORMATS,
  type GeoReportWorld,
  geoReportClient,
  geoReportCreatedSchema,
  geoReportErrorListSchema,
  geoReportOrderForm,
  geoReportRequestListSchema,
  geoReportWorld,
  issueKey,
  parseXml,
  postForm,
} from './testing.js';

/**
 * Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2 and /Service_Discovery),
 * read from the specification's text: POST Service Request, accepted and refused (GET methods in
 * georeport-catalogue.test.ts and georeport-requests.test.ts)
 */
describeEachDialect('Open311 GeoReport v2: POST Service Request', (env) => {
  let world: WorkOrderWorld;
  /** The key of the client whose requests are accepted. */
  let key: GeoReportWorld['key'];
  /** The key the refusals are tried with: each key has its own allowance of POSTs per minute. */
  let formKey: string;
  const { get, post, bodyOf } = geoReportClient(env);
  const orderForm = (overrides: Record<string, string> = {}) => geoReportOrderForm(formKey, overrides);

  beforeAll(async () => {
    ({ world, key, formKey } = await geoReportWorld(env));
  });

  describe('POST Service Request: refused', () => {
    it.each(FORMATS)('403: a missing, empty, unknown or revoked api_key (%s)', async (format) => {
      const revoked = await issueKey(env, world.admin, QINGNIAN, '已停用的客户端');
      const revoking = await env.inject('POST', `/api/open311/keys/${revoked.id}/revoke`, {
        cookie: world.admin,
      });
      expect(revoking.status).toBe(200);
      const forms = [
        orderForm({ api_key: '' }),
        new URLSearchParams({ service_code: 'livelihood.repair', lat: '45.6', long: '126.6' }).toString(),
        orderForm({ api_key: 'lx311_not-a-key' }),
        orderForm({ api_key: revoked.key }),
      ];
      for (const form of forms) {
        const response = await post(format, form);
        expect(response.status).toBe(403);
        expect(bodyOf(response, format)).toEqual([
          { code: format === 'json' ? 403 : '403', description: expect.stringContaining('api_key') },
        ]);
      }
    });

    it.each(FORMATS)('400: service_code not provided, or empty (%s)', async (format) => {
      for (const form of [orderForm({ service_code: '' }), `api_key=${formKey}&lat=45.6&long=126.6`]) {
        const response = await post(format, form);
        expect(response.status).toBe(400);
        expect(bodyOf(response, format)[0].description).toContain('service_code');
      }
    });

    it.each(FORMATS)('404: service_code not found (%s)', async (format) => {
      for (const code of ['no.such', 'livelihood', 'employment.training']) {
        const response = await post(format, orderForm({ service_code: code }));
        expect(response.status).toBe(404);
        expect(bodyOf(response, format)[0].description).toContain('service_code');
      }
    });

    it.each(FORMATS)(
      '400: no location — neither lat & long nor address_string nor address_id (%s)',
      async (format) => {
        const response = await post(format, orderForm({ lat: '', long: '' }));
        expect(response.status).toBe(400);
        expect(bodyOf(response, format)[0].description).toMatch(/^location: .*address_string.*address_id/);
      },
    );

    it('400: bad locations, each named', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ long: '' }, 'long: '],
        [{ lat: '' }, 'lat: '],
        [{ lat: 'north' }, 'lat: '],
        [{ lat: '91' }, 'lat: '],
        [{ long: '-180.5' }, 'long: '],
        [{ lat: '', long: '', address_id: '999999' }, 'address_id: '],
        [{ lat: '', long: '', address_id: 'abc' }, 'address_id: '],
        // A region outside the key's own unit.
        [{ lat: '', long: '', address_id: SHANGHAI_XINCUN }, 'address_id: '],
        [{ address_string: '路'.repeat(201) }, 'address_string: '],
      ];
      for (const [overrides, named] of cases) {
        const response = await post('json', orderForm(overrides));
        expect(response.status, JSON.stringify(overrides)).toBe(400);
        expect(response.body(geoReportErrorListSchema).map((e) => e.description)).toContainEqual(
          expect.stringContaining(named),
        );
      }
    });

    it.each(FORMATS)('400: attribute values the service definition does not allow (%s)', async (format) => {
      const cases: [string, string][] = [
        // A required attribute missing.
        [orderForm({ service_code: 'proxy.documents' }), 'attribute[document_kind]'],
        // A value outside a single value list.
        [
          orderForm({ service_code: 'proxy.documents', 'attribute[document_kind]': 'passport' }),
          'attribute[document_kind]',
        ],
        // Two values for a single value list.
        [
          `${orderForm({ service_code: 'proxy.documents' })}&attribute[document_kind][]=id_card&attribute[document_kind][]=residence`,
          'attribute[document_kind]',
        ],
        // A value outside a multivalue list.
        [
          `${orderForm({ service_code: 'livelihood.elderly_care' })}&attribute[care_need][]=meals&attribute[care_need][]=flying`,
          'attribute[care_need]',
        ],
        // An attribute the service does not have.
        [orderForm({ 'attribute[colour]': 'red' }), 'attribute[colour]'],
      ];
      for (const [form, named] of cases) {
        const response = await post(format, form);
        expect(response.status, form).toBe(400);
        expect(bodyOf(response, format)[0].description, form).toContain(named);
      }
    });

    it('400: a phone number that is none, a bad email, an overlong description', async () => {
      for (const [overrides, named] of [
        [{ phone: '12345' }, 'phone: '],
        [{ email: 'not-an-address' }, 'email: '],
        [{ description: '长'.repeat(4001) }, 'description: '],
        [{ first_name: '名'.repeat(25) }, 'first_name: '],
      ] as const) {
        const response = await post('json', orderForm(overrides));
        expect(response.status).toBe(400);
        expect(response.body(geoReportErrorListSchema)[0]?.description).toContain(named);
      }
    });

    it.each(FORMATS)('reports every problem at once, one error each (%s)', async (format) => {
      const response = await post(
        format,
        orderForm({ phone: '12345', lat: '200', 'attribute[colour]': 'red' }),
      );
      expect(response.status).toBe(400);
      const descriptions = (bodyOf(response, format) as { description: string }[]).map((e) => e.description);
      expect(descriptions).toHaveLength(3);
      expect(descriptions.join('\n')).toMatch(/lat: [\s\S]*phone: [\s\S]*attribute\[colour\]: /);
    });

    it('400 in the specification’s error list for a body that is no form at all', async () => {
      const response = await env.inject('POST', `${BASE}/requests.json`, {
        body: 'api_key=x',
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(response.status).toBe(400);
      expect(response.json).toEqual([{ code: 400, description: expect.any(String) }]);
    });

    it('wrote nothing for any refused request', async () => {
      const orders = await env.database.db
        .selectFrom('work_orders')
        .select('id')
        .where('channel', '=', 'open311')
        .execute();
      expect(orders).toEqual([]);
    });
  });

  describe('POST Service Request: accepted', () => {
    beforeAll(() => {
      formKey = key.key;
    });

    it.each(FORMATS)('answers the new service_request_id as a string, with a notice (%s)', async (format) => {
      const response = await post(format, orderForm());
      expect(response.status).toBe(200);
      const answer = bodyOf(response, format);
      expect(answer).toEqual([
        {
          service_request_id: expect.stringMatching(/^\d{6}-\d{8}-\d{4}$/),
          service_notice: expect.stringContaining(answer[0].service_request_id),
          account_id: format === 'json' ? null : '',
        },
      ]);
      if (format === 'xml') {
        expect(parseXml(response.raw.payload).root).toBe('service_requests');
        expect(response.raw.payload).toContain('<account_id/>');
      }
    });

    it('takes the request in as a work order at the key’s unit, seen by its staff and nobody else', async () => {
      const form = `${orderForm({
        service_code: 'livelihood.elderly_care',
        first_name: '大爷',
        last_name: '王',
        phone: '138-4567-1234',
        email: 'wang@example.com',
        address_string: '兴建路 8 号',
        media_url: 'https://example.com/photo.jpg',
        device_id: 'device-1',
        account_id: 'acc-1',
      })}&attribute[care_need][]=meals&attribute[care_need][]=cleaning`;
      const response = await post('json', form);
      expect(response.status).toBe(200);
      const number = response.body(geoReportCreatedSchema)[0]!.service_request_id;

      const list = await env.inject('GET', '/api/work-orders?channel=open311&limit=200', {
        cookie: world.secretary.cookie,
      });
      const order = list.body(workOrderPageSchema).items.find((o) => o.number === number)!;
      expect(order).toMatchObject({
        status: 'received',
        channel: 'open311',
        categoryCode: 'livelihood.elderly_care',
        regionCode: QINGNIAN,
        handlerRegionCode: QINGNIAN,
        contactName: '王大爷',
        contactPhone: '138****1234',
        address: '兴建路 8 号',
        attributes: { care_need: ['meals', 'cleaning'] },
      });
      const outsider = await env.inject('GET', '/api/work-orders?channel=open311&limit=200', {
        cookie: world.outsider.cookie,
      });
      expect(outsider.body(workOrderPageSchema).items.map((o) => o.number)).not.toContain(number);

      const detail = await env.inject('GET', `/api/work-orders/${order.id}`, {
        cookie: world.secretary.cookie,
      });
      expect(detail.body(workOrderDetailSchema).events[0]).toMatchObject({
        action: 'receive',
        actorName: expect.stringMatching(/^open311:lx311_/),
      });
      const stored = await env.database.db
        .selectFrom('work_orders')
        .select(['open311_key_id', 'latitude', 'longitude'])
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ open311_key_id: key.id, latitude: 45.6123, longitude: 126.6345 });
    });

    it('places a request at the region named by address_id, inside the key’s unit', async () => {
      const response = await post('json', orderForm({ lat: '', long: '', address_id: world.gridCode }));
      expect(response.status).toBe(200);
      const number = response.body(geoReportCreatedSchema)[0]!.service_request_id;
      const shown = await get(`/requests/${number}.json`);
      expect(shown.body(geoReportRequestListSchema)[0]).toMatchObject({
        address_id: world.gridCode,
        lat: null,
        long: null,
      });
    });

    it('accepts a POST from another site’s page: it is authenticated by its key, not by a cookie', async () => {
      const response = await post('json', orderForm(), {
        origin: 'https://app.example.org',
        'sec-fetch-site': 'cross-site',
      });
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('*');
    });

    it('reads a JSON body with the same names as the form', async () => {
      const response = await env.inject('POST', `${BASE}/requests.json`, {
        body: {
          api_key: key.key,
          service_code: 'livelihood.elderly_care',
          address_string: '兴建路 9 号',
          attribute: { care_need: ['meals'] },
        },
      });
      expect(response.status).toBe(200);
      const bad = await env.inject('POST', `${BASE}/requests.json`, {
        body: {
          api_key: key.key,
          service_code: 'livelihood.elderly_care',
          lat: 45.6,
          long: 126.6,
          'attribute[care_need][]': 'flying',
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body(geoReportErrorListSchema)[0]?.description).toContain('attribute[care_need]');
    });

    it('takes api_key from the query string too', async () => {
      const form = orderForm({ api_key: '' });
      const response = await postForm(
        env,
        `${BASE}/requests.json?api_key=${encodeURIComponent(key.key)}`,
        form,
      );
      expect(response.status).toBe(200);
    });
  });
});
