import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-env.js';
import {
  asXmlText,
  FORMATS,
  type GeoReportWorld,
  geoReportClient,
  geoReportOrderForm,
  geoReportRequestListSchema,
  geoReportWorld,
  parseXml,
  W3C_BEIJING,
} from './testing.js';

/**
 * Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2 and /Service_Discovery),
 * read from the specification's text: GET Service Requests and GET Service Request, errors and
 * access
 */
describeEachDialect('Open311 GeoReport v2: service requests', (env) => {
  /** The key of the client whose requests are accepted. */
  let key: GeoReportWorld['key'];
  /** The key the refusals are tried with: each key has its own allowance of POSTs per minute. */
  let formKey: string;
  let staffOrder: GeoReportWorld['staffOrder'];
  let closedOrder: GeoReportWorld['closedOrder'];
  const { get, post, bodyOf } = geoReportClient(env);
  const orderForm = (overrides: Record<string, string> = {}) => geoReportOrderForm(formKey, overrides);

  beforeAll(async () => {
    ({ key, formKey, staffOrder, closedOrder } = await geoReportWorld(env));
    // A request a client sent, published beside the ones staff took (POST is georeport.test.ts's).
    formKey = key.key;
    const posted = await post('json', orderForm());
    if (posted.status !== 200) throw new Error(`posting: ${posted.raw.payload}`);
  });

  describe('GET Service Requests', () => {
    it.each(FORMATS)('answers requests with every field of the specification (%s)', async (format) => {
      const response = await get(`/requests.${format}`);
      expect(response.status).toBe(200);
      const requests = bodyOf(response, format) as Record<string, unknown>[];
      expect(requests.length).toBeGreaterThanOrEqual(3);
      for (const request of requests) {
        expect(Object.keys(request)).toEqual([
          'service_request_id',
          'status',
          'status_notes',
          'service_name',
          'service_code',
          'description',
          'agency_responsible',
          'service_notice',
          'requested_datetime',
          'updated_datetime',
          'expected_datetime',
          'address',
          'address_id',
          'zipcode',
          'lat',
          'long',
          'media_url',
        ]);
        expect(typeof request.service_request_id).toBe('string');
        expect(typeof request.address_id).toBe('string');
        expect(['open', 'closed']).toContain(request.status);
        for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
          expect(request[field]).toMatch(W3C_BEIJING);
      }
      const staff = requests.find((r) => r.service_request_id === staffOrder.number);
      expect(staff).toMatchObject({
        status: 'open',
        status_notes: '已受理',
        service_name: '独居老人照料',
        service_code: 'livelihood.elderly_care',
        agency_responsible: '青年社区',
      });
    });

    it('says the same in XML as in JSON', async () => {
      const json = (await get('/requests.json')).json;
      const xml = await get('/requests.xml');
      expect(parseXml(xml.raw.payload).root).toBe('service_requests');
      expect(parseXml(xml.raw.payload).value).toEqual(asXmlText(json));
    });

    it('publishes no personal data: never the caller’s name or phone, nor an address typed by staff', async () => {
      for (const format of FORMATS) {
        const text = (await get(`/requests.${format}`)).raw.payload;
        for (const secret of [
          '李四海',
          '13912345678',
          '139****5678',
          '兴建路12号3单元502',
          '王大爷',
          '13845671234',
        ])
          expect(text, secret).not.toContain(secret);
      }
      const staff = (await get(`/requests/${staffOrder.number}.json`)).body(geoReportRequestListSchema)[0];
      // The place is said by its regions, most specific first.
      expect(staff?.address).toMatch(/, 青年社区, 兴建街道, 平房区$/);
    });

    it('maps statuses to open and closed; a closed request says when it closed, not what staff told the resident', async () => {
      const closed = (await get(`/requests/${closedOrder.number}.json`)).body(geoReportRequestListSchema)[0]!;
      const row = await env.database.db
        .selectFrom('work_orders')
        .select(['closed_at', 'status'])
        .where('id', '=', closedOrder.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('closed');
      expect(closed).toMatchObject({
        status: 'closed',
        status_notes: '已办结',
        updated_datetime: expect.stringMatching(W3C_BEIJING),
      });
      expect(Date.parse(closed.updated_datetime)).toBe(Math.floor(Date.parse(row.closed_at!) / 1000) * 1000);
    });

    it.each(FORMATS)('filters by status, one or both, comma delimited or repeated (%s)', async (format) => {
      const numbers = async (query: string) =>
        (
          bodyOf(await get(`/requests.${format}${query}`), format) as {
            service_request_id: string;
            status: string;
          }[]
        ).map((r) => `${r.service_request_id}:${r.status}`);
      const all = await numbers('');
      const open = await numbers('?status=open');
      const closed = await numbers('?status=closed');
      expect(closed).toEqual([`${closedOrder.number}:closed`]);
      expect(open.every((entry) => entry.endsWith(':open'))).toBe(true);
      expect(open.length + closed.length).toBe(all.length);
      expect(await numbers('?status=open,closed')).toEqual(all);
      expect(await numbers('?status=open&status=closed')).toEqual(all);
    });

    it('filters by service_code, one or a comma list; an unknown code matches nothing', async () => {
      const codes = async (query: string) =>
        new Set(
          (await get(`/requests.json${query}`)).body(geoReportRequestListSchema).map((r) => r.service_code),
        );
      expect(await codes('?service_code=policy.general')).toEqual(new Set(['policy.general']));
      expect(await codes('?service_code=policy.general,livelihood.elderly_care')).toEqual(
        new Set(['policy.general', 'livelihood.elderly_care']),
      );
      expect(await codes('?service_code=no.such')).toEqual(new Set());
    });

    it('service_request_id (comma delimited) overrides every other argument', async () => {
      const response = await get(
        `/requests.json?service_request_id=${staffOrder.number},${closedOrder.number}&status=closed&service_code=no.such&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z`,
      );
      expect(response.status).toBe(200);
      expect(
        response
          .body(geoReportRequestListSchema)
          .map((r) => r.service_request_id)
          .sort(),
      ).toEqual([staffOrder.number, closedOrder.number].sort());
    });

    it('treats every empty parameter as absent', async () => {
      const plain = (await get('/requests.json')).json;
      const empty = await get(
        '/requests.json?jurisdiction_id=&service_request_id=&service_code=&start_date=&end_date=&status=',
      );
      expect(empty.status).toBe(200);
      expect(empty.json).toEqual(plain);
      const posted = await post(
        'json',
        orderForm({ email: '', phone: '', first_name: '', address_id: '', jurisdiction_id: '' }),
      );
      expect(posted.status).toBe(200);
    });

    it.each(FORMATS)('400: a status that is neither open nor closed (%s)', async (format) => {
      const response = await get(`/requests.${format}?status=open,pending`);
      expect(response.status).toBe(400);
      expect(bodyOf(response, format)[0].description).toContain('status');
    });

    it.each(FORMATS)('400: dates not in the W3C format (%s)', async (format) => {
      for (const [query, named] of [
        ['start_date=yesterday', 'start_date'],
        ['end_date=2026-13-01', 'end_date'],
        ['start_date=2026-02-30', 'start_date'],
        // Timezone information must be included.
        ['start_date=2026-11-01T08:00:00', 'start_date'],
      ]) {
        const response = await get(`/requests.${format}?${query}`);
        expect(response.status, query).toBe(400);
        expect(bodyOf(response, format)[0].description).toContain(named);
      }
    });

    it.each(FORMATS)(
      '400: a date range of more than 90 days, or one that ends before it starts (%s)',
      async (format) => {
        const tooLong = await get(
          `/requests.${format}?start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:01Z`,
        );
        expect(tooLong.status).toBe(400);
        expect(bodyOf(tooLong, format)[0].description).toMatch(/90/);
        const backwards = await get(
          `/requests.${format}?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z`,
        );
        expect(backwards.status).toBe(400);
        expect(bodyOf(backwards, format)[0].description).toContain('end_date');
        const ninetyDays = await get(
          `/requests.${format}?start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z`,
        );
        expect(ninetyDays.status).toBe(200);
      },
    );

    it('finds requests inside a given range and none outside it', async () => {
      const now = env.now();
      const around = `start_date=${encodeURIComponent(new Date(now.getTime() - 3_600_000).toISOString())}&end_date=${encodeURIComponent(new Date(now.getTime() + 3_600_000).toISOString())}`;
      const inside = (await get(`/requests.json?${around}`)).body(geoReportRequestListSchema);
      expect(inside.length).toBeGreaterThanOrEqual(3);
      const before = (await get('/requests.json?end_date=2020-01-01T00:00:00%2B08:00')).json;
      expect(before).toEqual([]);
    });
  });

  describe('GET Service Request', () => {
    it.each(FORMATS)('answers one request as a list of one (%s)', async (format) => {
      const response = await get(`/requests/${staffOrder.number}.${format}`);
      expect(response.status).toBe(200);
      const list = bodyOf(response, format) as Record<string, unknown>[];
      expect(list).toHaveLength(1);
      expect(list[0]!.service_request_id).toBe(staffOrder.number);
      if (format === 'xml') expect(parseXml(response.raw.payload).root).toBe('service_requests');
      else
        expect(list[0]).toEqual(
          (await get(`/requests.json?service_request_id=${staffOrder.number}`)).body(
            geoReportRequestListSchema,
          )[0],
        );
    });

    it.each(FORMATS)('404: an unknown service_request_id (%s)', async (format) => {
      for (const id of ['20000101-0001', 'nonsense', staffOrder.id]) {
        const response = await get(`/requests/${id}.${format}`);
        expect(response.status).toBe(404);
        expect(bodyOf(response, format)).toEqual([
          {
            code: format === 'json' ? 404 : '404',
            description: expect.stringContaining('service_request_id'),
          },
        ]);
      }
    });
  });

  describe('errors and access', () => {
    it.each(FORMATS)(
      'answers an unknown path below the endpoint with the error list (%s)',
      async (format) => {
        const response = await get(`/tokens/123.${format}`);
        expect(response.status).toBe(404);
        expect(bodyOf(response, format)).toEqual([
          { code: format === 'json' ? 404 : '404', description: expect.any(String) },
        ]);
      },
    );

    it('gives error descriptions in English to a client that asks for English', async () => {
      const response = await post('json', orderForm({ api_key: 'wrong' }), { 'accept-language': 'en' });
      expect(response.json).toEqual([
        { code: 403, description: 'Invalid or revoked api_key received -- cannot create a service request' },
      ]);
    });

    it('declares every route public with a reason; only the POST accepts other sites, for its key', async () => {
      const routes = env.app.declaredRoutes().filter((r) => r.url.startsWith('/open311/'));
      expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
        [
          'GET /open311/v2/discovery.json',
          'GET /open311/v2/discovery.xml',
          'GET /open311/v2/requests.json',
          'GET /open311/v2/requests.xml',
          'GET /open311/v2/requests/:file',
          'GET /open311/v2/services.json',
          'GET /open311/v2/services.xml',
          'GET /open311/v2/services/:file',
          'HEAD /open311/v2/discovery.json',
          'HEAD /open311/v2/discovery.xml',
          'HEAD /open311/v2/requests.json',
          'HEAD /open311/v2/requests.xml',
          'HEAD /open311/v2/requests/:file',
          'HEAD /open311/v2/services.json',
          'HEAD /open311/v2/services.xml',
          'HEAD /open311/v2/services/:file',
          // One route for both formats, so that one allowance of POSTs per key covers both.
          'POST /open311/v2/requests.:format',
        ].sort(),
      );
      for (const route of routes) {
        expect(route.config.public).toBeTruthy();
        expect(Boolean(route.config.crossSite)).toBe(route.method === 'POST');
      }
    });

    it('limits POSTs per API key', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i += 1)
        statuses.push((await post('json', orderForm({ api_key: 'lx311_flood' }))).status);
      expect(statuses.slice(0, 60).every((status) => status === 403)).toBe(true);
      expect(statuses[60]).toBe(429);
      const limited = await post('xml', orderForm({ api_key: 'lx311_flood' }));
      expect(parseXml(limited.raw.payload).value).toEqual([{ code: '429', description: expect.any(String) }]);
      // Another key has its own allowance.
      expect((await post('json', orderForm())).status).toBe(200);
    });
  });
});
