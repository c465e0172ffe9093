import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import {
  BASE,
  FORMATS,
  geoReportCreatedSchema,
  geoReportErrorListSchema,
  geoReportRequestListSchema,
  issueKey,
  parseXml,
  postForm,
} from './testing.js';

/** The error list as XML carries it: every leaf is text. */
const xmlErrorListSchema = z.array(z.object({ code: z.string(), description: z.string() }));

/** GeoReport v2's default window of 90 days, and jurisdiction_id once there are several districts. */
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
    oldNumber = posted.body(geoReportCreatedSchema)[0]!.service_request_id;
    oldCreatedAt = env.now().toISOString();
    // A hundred days later.
    env.advanceMinutes(100 * 24 * 60);
  });

  const numbers = async (query: string) =>
    (await env.inject('GET', `${BASE}/requests.json${query}`))
      .body(geoReportRequestListSchema)
      .map((r) => r.service_request_id);

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
      const errors =
        format === 'json'
          ? response.body(geoReportErrorListSchema)
          : xmlErrorListSchema.parse(parseXml(response.raw.payload).value);
      expect(errors[0]?.description).toContain('jurisdiction_id');
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
