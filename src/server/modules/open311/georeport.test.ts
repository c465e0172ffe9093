import { beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT, describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import { asXmlText, issueKey, parseXml, postForm, W3C_BEIJING } from './testing.js';

/**
 * Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2 and /Service_Discovery),
 * read from the specification's text: every method in JSON and XML, and every error path.
 */
const BASE = '/open311/v2';
const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];

describeEachDialect('Open311 GeoReport v2', (env) => {
  let world: WorkOrderWorld;
  /** The key of the client whose requests are accepted. */
  let key: { id: string; key: string };
  /** The key the refusals are tried with: each key has its own allowance of POSTs per minute. */
  let formKey: string;
  /** An order taken by a hotline operator, with a caller's name, phone and a home address. */
  let staffOrder: { id: string; number: string };
  /** An order answered on the spot: closed. */
  let closedOrder: { id: string; number: string };

  const get = (path: string, headers: Record<string, string> = {}) =>
    env.inject('GET', `${BASE}${path}`, { headers });
  const post = (format: Format, form: string, headers: Record<string, string> = {}) =>
    postForm(env, `${BASE}/requests.${format}`, form, headers);
  /** The body as the format carries it: parsed JSON, or XML read by the Spark convention. */
  const bodyOf = (response: Awaited<ReturnType<typeof get>>, format: Format) =>
    format === 'json' ? JSON.parse(response.raw.payload) : parseXml(response.raw.payload).value;
  const orderForm = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      api_key: formKey,
      service_code: 'livelihood.repair',
      lat: '45.6123',
      long: '126.6345',
      description: '楼道灯坏了，晚上看不见',
      ...overrides,
    }).toString();

  beforeAll(async () => {
    // Before anything reads the catalogue (it is cached): one category is switched off.
    await env.database.db
      .updateTable('service_categories')
      .set({ active: 0 })
      .where('code', 'in', ['employment.training', 'complaint'])
      .execute();
    world = await workOrderWorld(env);
    key = await issueKey(env, world.admin, QINGNIAN, '市民通 App');
    formKey = (await issueKey(env, world.admin, QINGNIAN, '测试客户端')).key;
    const taken = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, {
        description: '家中暖气不热，需要上门查看',
        contactName: '李四海',
        contactPhone: '13912345678',
        address: '兴建路12号3单元502',
      }),
    });
    staffOrder = { id: taken.json.id, number: taken.json.number };
    const answered = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, { categoryCode: 'policy.general', description: '咨询低保政策' }),
    });
    closedOrder = { id: answered.json.id, number: answered.json.number };
    const closing = await env.inject('POST', `/api/work-orders/${closedOrder.id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'answer', note: '已电话解答低保申请条件' },
    });
    expect(closing.json.status).toBe('closed');
  });

  describe('format support and encoding', () => {
    it.each(FORMATS)(
      'answers %s with its content type, XML with the declaration the specification asks for',
      async (format) => {
        const response = await get(`/services.${format}`);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe(
          format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
        );
        if (format === 'xml') {
          expect(response.raw.payload.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
          const parsed = parseXml(response.raw.payload);
          expect(parsed.declaration).toEqual({ version: '1.0', encoding: 'utf-8' });
          expect(parsed.root).toBe('services');
        }
      },
    );

    it('refuses an unknown format with a 404 in XML, the required format', async () => {
      const response = await get('/services.csv');
      expect(response.status).toBe(404);
      expect(parseXml(response.raw.payload).root).toBe('errors');
      const definition = await get('/services/livelihood.repair.csv');
      expect(definition.status).toBe(404);
      expect(parseXml(definition.raw.payload).value).toEqual([
        { code: '404', description: expect.stringContaining('.json') },
      ]);
    });
  });

  describe('service discovery', () => {
    it.each(FORMATS)('lists the GeoReport v2 endpoint with its formats (%s)', async (format) => {
      const response = await get(`/discovery.${format}`);
      expect(response.status).toBe(200);
      const discovery = bodyOf(response, format);
      expect(Object.keys(discovery)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
      expect(discovery.changeset).toMatch(W3C_BEIJING);
      expect(discovery.contact).not.toBe('');
      expect(discovery.key_service).toContain('lianxin open311 keys create');
      expect(discovery.endpoints).toEqual([
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/^https?:\/\/[^/]+\/open311\/v2$/),
          changeset: discovery.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ]);
    });
  });

  describe('GET Service List', () => {
    it('lists the active leaf categories with every field of the specification, ids as strings', async () => {
      const services = (await get('/services.json')).json as Record<string, unknown>[];
      const codes = services.map((s) => s.service_code);
      expect(codes).toContain('livelihood.elderly_care');
      // Groups are not services, and a category switched off is not offered.
      expect(codes).not.toContain('livelihood');
      expect(codes).not.toContain('employment.training');
      // Nor a category whose group is switched off.
      expect(codes).not.toContain('complaint.service');
      for (const service of services) {
        expect(Object.keys(service)).toEqual([
          'service_code',
          'service_name',
          'description',
          'metadata',
          'type',
          'keywords',
          'group',
        ]);
        expect(typeof service.service_code).toBe('string');
        expect(typeof service.metadata).toBe('boolean');
        expect(service.type).toBe('realtime');
      }
      expect(services.find((s) => s.service_code === 'livelihood.elderly_care')).toEqual({
        service_code: 'livelihood.elderly_care',
        service_name: '独居老人照料',
        description: '',
        metadata: true,
        type: 'realtime',
        keywords: 'dujulaoren, 独居, 老人, 照料, 空巢',
        group: '民生求助',
      });
      expect(services.find((s) => s.service_code === 'livelihood.repair')?.metadata).toBe(false);
    });

    it('says the same in XML as in JSON', async () => {
      const json = (await get('/services.json')).json;
      const xml = await get('/services.xml');
      expect(parseXml(xml.raw.payload).value).toEqual(asXmlText(json));
    });

    it('names services in English for a client that asks for English', async () => {
      const services = (await get('/services.json', { 'accept-language': 'en' })).json as Record<
        string,
        unknown
      >[];
      expect(services.find((s) => s.service_code === 'livelihood.repair')).toMatchObject({
        service_name: 'Home repair',
        group: 'Help with daily life',
      });
    });
  });

  describe('GET Service Definition', () => {
    it('defines the attributes of a service', async () => {
      const response = await get('/services/proxy.documents.json');
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        service_code: 'proxy.documents',
        attributes: [
          {
            variable: true,
            code: 'document_kind',
            datatype: 'singlevaluelist',
            required: true,
            datatype_description: expect.stringContaining('key'),
            order: 1,
            description: '证件类型',
            values: [
              { key: 'id_card', name: '居民身份证' },
              { key: 'residence', name: '户口簿' },
              { key: 'social_security', name: '社保卡' },
              { key: 'disability', name: '残疾人证' },
            ],
          },
        ],
      });
    });

    it('says the same in XML as in JSON', async () => {
      for (const code of [
        'proxy.documents',
        'livelihood.elderly_care',
        'employment.job_seeking',
        'livelihood.repair',
      ]) {
        const json = (await get(`/services/${code}.json`)).json;
        const xml = await get(`/services/${code}.xml`);
        expect(xml.status).toBe(200);
        expect(parseXml(xml.raw.payload).root).toBe('service_definition');
        expect(parseXml(xml.raw.payload).value).toEqual(asXmlText(json));
      }
    });

    it('answers a service without attributes with an empty list, and gives no values to plain fields', async () => {
      expect((await get('/services/livelihood.repair.json')).json).toEqual({
        service_code: 'livelihood.repair',
        attributes: [],
      });
      const jobs = (await get('/services/employment.job_seeking.json')).json;
      expect(jobs.attributes[0]).not.toHaveProperty('values');
      expect(jobs.attributes[0]).toMatchObject({ code: 'wanted_job', datatype: 'string', required: false });
    });

    it.each(FORMATS)(
      '404: service_code not found — unknown, a group, or switched off (%s)',
      async (format) => {
        for (const code of ['no.such', 'livelihood', 'employment.training']) {
          const response = await get(`/services/${code}.${format}`);
          expect(response.status).toBe(404);
          expect(bodyOf(response, format)).toEqual([
            { code: format === 'json' ? 404 : '404', description: expect.stringContaining('service_code') },
          ]);
        }
      },
    );
  });

  describe('jurisdiction_id is the district code', () => {
    it.each(FORMATS)(
      '404: a jurisdiction this endpoint does not serve, on every method (%s)',
      async (format) => {
        for (const path of [
          `/services.${format}`,
          `/services/livelihood.repair.${format}`,
          `/requests.${format}`,
          `/requests/${staffOrder.number}.${format}`,
        ]) {
          const response = await get(`${path}?jurisdiction_id=sfgov.org`);
          expect(response.status).toBe(404);
          const errors = bodyOf(response, format) as { code: unknown; description: string }[];
          expect(errors).toHaveLength(1);
          expect(errors[0]!.description).toContain('jurisdiction_id');
        }
        const posted = await post(format, orderForm({ jurisdiction_id: '230102' }));
        expect(posted.status).toBe(404);
        expect(bodyOf(posted, format)[0].description).toContain('jurisdiction_id');
        const inUrl = await postForm(env, `${BASE}/requests.${format}?jurisdiction_id=230102`, orderForm());
        expect(inUrl.status).toBe(404);
      },
    );

    it('is optional, as the endpoint serves one jurisdiction; the district code and an empty value are accepted', async () => {
      for (const query of ['', `?jurisdiction_id=${DISTRICT}`, '?jurisdiction_id=']) {
        expect((await get(`/services.json${query}`)).status).toBe(200);
      }
    });
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
        expect(response.json.map((e: { description: string }) => e.description)).toContainEqual(
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
        expect(response.json[0].description).toContain(named);
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
          service_request_id: expect.stringMatching(/^\d{8}-\d{4}$/),
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
      const number = response.json[0].service_request_id as string;

      const list = await env.inject('GET', '/api/work-orders?channel=open311&limit=200', {
        cookie: world.secretary.cookie,
      });
      const order = list.json.items.find((o: { number: string }) => o.number === number);
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
      expect(outsider.json.items.map((o: { number: string }) => o.number)).not.toContain(number);

      const detail = await env.inject('GET', `/api/work-orders/${order.id}`, {
        cookie: world.secretary.cookie,
      });
      expect(detail.json.events[0]).toMatchObject({
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
      const shown = await get(`/requests/${response.json[0].service_request_id}.json`);
      expect(shown.json[0]).toMatchObject({ address_id: world.gridCode, lat: null, long: null });
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
      expect(bad.json[0].description).toContain('attribute[care_need]');
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
      const staff = (await get(`/requests/${staffOrder.number}.json`)).json[0];
      // The place is said by its regions, most specific first.
      expect(staff.address).toMatch(/, 青年社区, 兴建街道, 平房区$/);
    });

    it('maps statuses to open and closed; a closed request says when it closed, not what staff told the resident', async () => {
      const closed = (await get(`/requests/${closedOrder.number}.json`)).json[0];
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
          ((await get(`/requests.json${query}`)).json as { service_code: string }[]).map(
            (r) => r.service_code,
          ),
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
        (response.json as { service_request_id: string }[]).map((r) => r.service_request_id).sort(),
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
      const inside = (await get(`/requests.json?${around}`)).json as unknown[];
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
          (await get(`/requests.json?service_request_id=${staffOrder.number}`)).json[0],
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

describeEachDialect('Open311 GeoReport v2: the default window and several jurisdictions', (env) => {
  let key: string;
  let oldNumber: string;
  let oldCreatedAt: string;

  beforeAll(async () => {
    const admin = await env.loginAdmin();
    key = (await issueKey(env, admin, QINGNIAN)).key;
    const form = new URLSearchParams({
      api_key: key,
      service_code: 'livelihood.repair',
      address_string: '兴建路 1 号',
    });
    const posted = await postForm(env, `${BASE}/requests.json`, form.toString());
    oldNumber = posted.json[0].service_request_id;
    oldCreatedAt = env.now().toISOString();
    // A hundred days later.
    env.advanceMinutes(100 * 24 * 60);
  });

  const numbers = async (query: string) =>
    ((await env.inject('GET', `${BASE}/requests.json${query}`)).json as { service_request_id: string }[]).map(
      (r) => r.service_request_id,
    );

  it('answers the most recent 90 days when no dates are given', async () => {
    expect(await numbers('')).toEqual([]);
    // By id, the request is still there: service_request_id overrides the window.
    expect(await numbers(`?service_request_id=${oldNumber}`)).toEqual([oldNumber]);
  });

  it('answers 90 days from start_date, or 90 days up to end_date, when only one is given', async () => {
    const dayBefore = new Date(Date.parse(oldCreatedAt) - 86_400_000).toISOString();
    expect(await numbers(`?start_date=${encodeURIComponent(dayBefore)}`)).toEqual([oldNumber]);
    const dayAfter = new Date(Date.parse(oldCreatedAt) + 86_400_000).toISOString();
    expect(await numbers(`?end_date=${encodeURIComponent(dayAfter)}`)).toEqual([oldNumber]);
    const longAfter = new Date(Date.parse(oldCreatedAt) + 91 * 86_400_000).toISOString();
    expect(await numbers(`?end_date=${encodeURIComponent(longAfter)}`)).toEqual([]);
  });

  it('requires jurisdiction_id once the database holds a second district (400), and serves each', async () => {
    const at = env.now().toISOString();
    await env.database.db
      .insertInto('regions')
      .values({
        code: '230102',
        parent_code: null,
        kind: 'district',
        name: '道里区',
        depth: 0,
        district_code: '230102',
        source: 'division',
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const format of FORMATS) {
      const response = await env.inject('GET', `${BASE}/services.${format}`);
      expect(response.status).toBe(400);
      const errors = format === 'json' ? response.json : parseXml(response.raw.payload).value;
      expect(errors[0].description).toContain('jurisdiction_id');
    }
    expect((await env.inject('GET', `${BASE}/services.json?jurisdiction_id=${DISTRICT}`)).status).toBe(200);
    const other = await env.inject(
      'GET',
      `${BASE}/requests.json?jurisdiction_id=230102&service_request_id=${oldNumber}`,
    );
    expect(other.json).toEqual([]);
    const own = await env.inject(
      'GET',
      `${BASE}/requests.json?jurisdiction_id=${DISTRICT}&service_request_id=${oldNumber}`,
    );
    expect(own.json).toHaveLength(1);
    // A POST needs none: the key says which district it belongs to.
    const form = new URLSearchParams({
      api_key: key,
      service_code: 'livelihood.repair',
      lat: '45.6',
      long: '126.6',
    });
    expect((await postForm(env, `${BASE}/requests.json`, form.toString())).status).toBe(200);
  });
});
