import { beforeAll, describe, expect, it } from 'vitest';
import { publicDescriptionSchema } from '../../../shared/api/open311.js';
import { requestSummarySchema } from '../../../shared/api/portal.js';
import { workOrderDetailSchema, workOrderSchema } from '../../../shared/api/work-orders.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import { type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';
import {
  type GeoReportRequest,
  geoReportCreatedSchema,
  geoReportErrorListSchema,
  geoReportRequestListSchema,
  issueKey,
  parseXml,
  postForm,
} from './testing.js';

/**
 * What anonymous GeoReport answers publish of a request that carries personal data: nothing of
 * it, whichever way it came in (the portal, an Open311 client), in JSON or XML, in the list or on
 * its own; the resident's words only screened and only when the resident asked for them to be
 * public; a text staff published for the order as they wrote it.
 */
const BASE = '/open311/v2';
const NAME = '张秀英';
const ID_NUMBER = '230108196212237919';
const MOBILE = '13987654321';
const EMAIL = 'zhang.xiuying@example.com';
const HOME = '兴建路12号3单元502';
/** A description with a name, an ID number, a phone (spaced, full-width) and an email. */
const DESCRIPTION = `我叫${NAME}，身份证${ID_NUMBER}，电话139 8765 ４３２１，邮箱${EMAIL}，家住${HOME}，楼道灯坏了`;
const SCREENED =
  '我叫【姓名】，身份证【身份证号】，电话【电话】，邮箱【邮箱】，家住兴建路【门牌号】，楼道灯坏了';
/** Every trace of the personal data above, in the forms it was typed and in the forms it is stored. */
const SECRETS = [
  NAME,
  ID_NUMBER,
  '19621223',
  MOBILE,
  '139 8765',
  '87654321',
  '４３２１',
  EMAIL,
  'zhang.xiuying',
  HOME,
  '12号',
  '3单元',
  '1号楼',
];

describeEachDialect('Open311 publishes only what is meant to be public', (env) => {
  let world: WorkOrderWorld;
  let apiKey = '';
  let resident = '';
  const residentPhone = newPhone();

  const get = (path: string) => env.inject('GET', `${BASE}${path}`);
  /** The four anonymous answers that can show an order: list and single, JSON and XML. */
  async function publicAnswers(number: string): Promise<string[]> {
    return Promise.all(
      ['/requests.json', '/requests.xml', `/requests/${number}.json`, `/requests/${number}.xml`].map(
        async (path) => {
          const response = await get(path);
          expect(response.status, path).toBe(200);
          return response.raw.payload;
        },
      ),
    );
  }
  async function publicRequest(number: string): Promise<GeoReportRequest> {
    const json = (await get(`/requests/${number}.json`)).body(geoReportRequestListSchema)[0]!;
    const xml = (
      parseXml((await get(`/requests/${number}.xml`)).raw.payload).value as Record<string, string>[]
    )[0]!;
    expect(xml.description).toBe(json.description ?? '');
    return json;
  }
  function expectNoSecrets(bodies: string[], extra: string[] = []) {
    for (const body of bodies)
      for (const secret of [...SECRETS, ...extra]) expect(body, secret).not.toContain(secret);
  }

  const submitOnPortal = async (body: Record<string, unknown> = {}) => {
    const response = await env.inject('POST', '/api/portal/requests', {
      cookie: resident,
      body: {
        categoryCode: 'livelihood.repair',
        description: DESCRIPTION,
        regionCode: world.buildingCode,
        address: HOME,
        ...body,
      },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    const { id, number } = response.body(requestSummarySchema);
    return { id, number };
  };
  const postOpen311 = async (fields: Record<string, string> = {}) => {
    const response = await postForm(
      env,
      `${BASE}/requests.json`,
      new URLSearchParams({
        api_key: apiKey,
        service_code: 'livelihood.repair',
        description: DESCRIPTION,
        first_name: '秀英',
        last_name: '张',
        phone: MOBILE,
        email: EMAIL,
        address_string: HOME,
        lat: '45.612345',
        long: '126.634567',
        ...fields,
      }).toString(),
    );
    expect(response.status, response.raw.payload).toBe(200);
    return response.body(geoReportCreatedSchema)[0]!.service_request_id;
  };

  beforeAll(async () => {
    world = await workOrderWorld(env);
    apiKey = (await issueKey(env, world.admin, QINGNIAN)).key;
    resident = await residentLogin(env, residentPhone);
  });

  describe('through the portal', () => {
    it('publishes nothing of the resident’s text by default, nor the building, address or phone', async () => {
      const { number } = await submitOnPortal();
      expectNoSecrets(await publicAnswers(number), [residentPhone]);
      const shown = await publicRequest(number);
      expect(shown.description).toBeNull();
      expect(shown.address_id).toBe(world.gridCode);
      expect(shown.address).toMatch(/^网格\d+, 青年社区, 兴建街道, 平房区$/);
      expect(shown.media_url).toBeNull();
    });

    it('publishes the screened text when the resident opted in, and shows the resident what is public', async () => {
      const { id, number } = await submitOnPortal({ publishDescription: true });
      expectNoSecrets(await publicAnswers(number), [residentPhone]);
      expect((await publicRequest(number)).description).toBe(SCREENED);
      const own = await env.inject('GET', `/api/portal/requests/${id}`, { cookie: resident });
      expect(own.json).toMatchObject({ description: DESCRIPTION, publicDescription: SCREENED });
    });

    it('refuses an opt-in that is not true or false, naming the field', async () => {
      const response = await env.inject('POST', '/api/portal/requests', {
        cookie: resident,
        body: {
          categoryCode: 'livelihood.repair',
          description: DESCRIPTION,
          regionCode: world.gridCode,
          publishDescription: 'yes',
        },
      });
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe('publishDescription');
    });
  });

  describe('through Open311 POST', () => {
    it('publishes nothing of the client’s text by default; coordinates only coarsely', async () => {
      const number = await postOpen311();
      expectNoSecrets(await publicAnswers(number), ['45.612345', '126.634567', '45.6123', '126.6345']);
      const shown = await publicRequest(number);
      expect(shown).toMatchObject({
        description: null,
        address: '青年社区, 兴建街道, 平房区',
        address_id: QINGNIAN,
        lat: 45.61,
        long: 126.63,
        media_url: null,
      });
    });

    it('publishes the screened text when the client says the resident agreed (publish_description)', async () => {
      const number = await postOpen311({ publish_description: 'true' });
      expectNoSecrets(await publicAnswers(number));
      expect((await publicRequest(number)).description).toBe(SCREENED);
    });

    it('refuses a publish_description that is not true or false', async () => {
      const response = await postForm(
        env,
        `${BASE}/requests.json`,
        new URLSearchParams({
          api_key: apiKey,
          service_code: 'livelihood.repair',
          description: DESCRIPTION,
          lat: '45.6',
          long: '126.6',
          publish_description: 'maybe',
        }).toString(),
      );
      expect(response.status).toBe(400);
      expect(response.body(geoReportErrorListSchema)[0]?.description).toContain('publish_description');
    });
  });

  describe('a public description published by staff', () => {
    let order = { id: '', number: '' };
    const publish = (cookie: string, id: string, text: string) =>
      env.inject('PUT', `/api/work-orders/${id}/public-description`, { cookie, body: { text } });

    beforeAll(async () => {
      order = await submitOnPortal();
    });

    it('refuses a text with personal data in it, naming the field; nothing is published', async () => {
      const response = await publish(world.secretary.cookie, order.id, '已联系住户，电话 139 8765 4321');
      expect(response.status).toBe(400);
      expect(response.error.fields?.[0]).toMatchObject({ path: 'text' });
      expect((await publicRequest(order.number)).description).toBeNull();
    });

    it('is refused to staff without the right (403) and outside the caller’s scope (404)', async () => {
      expect((await publish(world.worker.cookie, order.id, '物业已更换灯泡')).status).toBe(403);
      const outsider = await env.loginAs({ role: 'secretary', regionCode: '230108001003' });
      expect((await publish(outsider.cookie, order.id, '物业已更换灯泡')).status).toBe(404);
      expect((await publicRequest(order.number)).description).toBeNull();
    });

    it('appears in every public answer as staff wrote it, is audited, and can be withdrawn', async () => {
      const text = '楼道灯已报修，物业将于本周内更换。';
      const response = await publish(world.secretary.cookie, order.id, text);
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ number: order.number, publicDescription: text });
      const bodies = await publicAnswers(order.number);
      for (const body of bodies) expect(body).toContain(text);
      expectNoSecrets(bodies, [residentPhone]);
      const audit = await env.database.db
        .selectFrom('audit_log')
        .select(['action', 'summary', 'actor_id'])
        .where('target_id', '=', order.id)
        .where('action', '=', 'workorder.public_description')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.summary)).toMatchObject({ number: order.number, text });
      const staffView = await env.inject('GET', `/api/work-orders/${order.id}`, {
        cookie: world.secretary.cookie,
      });
      expect(staffView.body(workOrderDetailSchema).publicDescription).toBe(text);

      const withdrawn = await publish(world.secretary.cookie, order.id, '');
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body(publicDescriptionSchema).publicDescription).toBeNull();
      expect((await publicRequest(order.number)).description).toBeNull();
    });
  });

  it('publishes neither a resolution nor any staff note in status_notes', async () => {
    const taken = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: {
        categoryCode: 'policy.general',
        description: '咨询低保政策',
        channel: 'hotline',
        householdId: world.householdId,
        contactName: NAME,
        contactPhone: MOBILE,
      },
    });
    const { id, number } = taken.body(workOrderSchema);
    const answered = await env.inject('POST', `/api/work-orders/${id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'answer', note: `已电话告知${NAME}（${MOBILE}）低保申请条件` },
    });
    expect(answered.body(workOrderSchema).status).toBe('closed');
    expectNoSecrets(await publicAnswers(number));
    expect((await publicRequest(number)).status_notes).toBe('已办结');
  });
});
