import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DISTRICT, describeEachDialect } from '../../testing/test-env.js';
import {
  asXmlText,
  BASE,
  FORMATS,
  type GeoReportWorld,
  geoReportClient,
  geoReportOrderForm,
  geoReportServiceDefinitionSchema,
  geoReportServiceListSchema,
  geoReportWorld,
  parseXml,
  postForm,
  W3C_BEIJING,
} from './testing.js';

/**
 * Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2 and /Service_Discovery),
 * read from the specification's text: formats, service discovery, the service list and definitions,
 * jurisdiction_id
 */
describeEachDialect('Open311 GeoReport v2: services', (env) => {
  /** The key the refusals are tried with: each key has its own allowance of POSTs per minute. */
  let formKey: string;
  let staffOrder: GeoReportWorld['staffOrder'];
  const { get, post, bodyOf } = geoReportClient(env);
  const orderForm = (overrides: Record<string, string> = {}) => geoReportOrderForm(formKey, overrides);

  beforeAll(async () => {
    ({ formKey, staffOrder } = await geoReportWorld(env));
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
      // Each service as sent, every key kept in its order: the test checks the specification's fields.
      const services = (await get('/services.json')).body(z.array(z.record(z.string(), z.unknown())));
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
      const services = (await get('/services.json', { 'accept-language': 'en' })).body(
        geoReportServiceListSchema,
      );
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
      const jobs = (await get('/services/employment.job_seeking.json')).body(
        geoReportServiceDefinitionSchema,
      );
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
});
