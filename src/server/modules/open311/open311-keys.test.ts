import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemsOf } from '../../../shared/api/common.js';
import {
  type CreatedOpen311Key,
  createdOpen311KeySchema,
  open311KeyListSchema,
  open311KeySchema,
} from '../../../shared/api/open311.js';
import {
  DISTRICT,
  describeEachDialect,
  QINGNIAN,
  SHANGHAI_XINCUN,
  XINGJIAN_STREET,
} from '../../testing/test-env.js';
import { postForm } from './testing.js';

describeEachDialect('Open311 API keys', (env) => {
  let admin: string;
  let streetAdmin: string;
  const keys = (cookie?: string) => env.inject('GET', '/api/open311/keys', { cookie });
  const create = (cookie: string | undefined, body: Record<string, unknown>) =>
    env.inject('POST', '/api/open311/keys', { cookie, body });
  const revoke = (cookie: string | undefined, id: string) =>
    env.inject('POST', `/api/open311/keys/${id}/revoke`, { cookie });
  const postWith = (key: string) =>
    postForm(
      env,
      '/open311/v2/requests.json',
      new URLSearchParams({
        api_key: key,
        service_code: 'livelihood.repair',
        address_string: '兴建路 1 号',
      }).toString(),
    );

  beforeAll(async () => {
    admin = await env.loginAdmin();
    streetAdmin = (await env.loginAs({ role: 'district_admin', regionCode: XINGJIAN_STREET })).cookie;
  });

  describe('refused', () => {
    it('401 without a session, 403 without catalogue.manage', async () => {
      expect((await keys()).status).toBe(401);
      expect((await create(undefined, { name: 'x', regionCode: QINGNIAN })).status).toBe(401);
      const secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
      expect((await keys(secretary)).status).toBe(403);
      expect((await create(secretary, { name: 'x', regionCode: QINGNIAN })).status).toBe(403);
    });

    it('400 naming the field: no name, a name too long, a malformed or unknown region, an unknown field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ regionCode: QINGNIAN }, 'name'],
        [{ name: '   ', regionCode: QINGNIAN }, 'name'],
        [{ name: 'x'.repeat(101), regionCode: QINGNIAN }, 'name'],
        [{ name: 'x', regionCode: 'abc' }, 'regionCode'],
        [{ name: 'x', regionCode: '230108999' }, 'regionCode'],
        [{ name: 'x', regionCode: QINGNIAN, key: 'chosen' }, ''],
      ];
      for (const [body, path] of cases) {
        const response = await create(admin, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        if (path) expect(response.error.fields?.map((f) => f.path)).toContain(path);
      }
    });

    it('400 for a region outside the caller’s scope; 404 for a key outside it', async () => {
      const other = await create(streetAdmin, { name: '别处', regionCode: '230108002' });
      expect(other.status).toBe(400);
      expect(other.error.fields?.[0]?.path).toBe('regionCode');
      const districtKey = (await create(admin, { name: '全区', regionCode: DISTRICT })).body(
        createdOpen311KeySchema,
      );
      expect((await revoke(streetAdmin, districtKey.id)).status).toBe(404);
      expect((await revoke(admin, '01890000-0000-7000-8000-000000000000')).status).toBe(404);
      expect((await keys(streetAdmin)).body(open311KeyListSchema).items.map((k) => k.id)).not.toContain(
        districtKey.id,
      );
    });
  });

  describe('issued and revoked', () => {
    let issued: CreatedOpen311Key;

    it('shows the key once at creation and keeps only its SHA-256', async () => {
      const response = await create(streetAdmin, { name: '  市民通 App ', regionCode: QINGNIAN });
      expect(response.status).toBe(201);
      issued = response.body(createdOpen311KeySchema);
      expect(response.json).toMatchObject({
        name: '市民通 App',
        regionCode: QINGNIAN,
        regionName: '青年社区',
        districtCode: DISTRICT,
        revokedAt: null,
      });
      expect(issued.key).toMatch(/^lx311_[A-Za-z0-9_-]{32}$/);
      expect(issued.keyPrefix).toBe(issued.key.slice(0, 12));
      const row = await env.database.db
        .selectFrom('open311_keys')
        .selectAll()
        .where('id', '=', issued.id)
        .executeTakeFirstOrThrow();
      expect(row.key_hash).toBe(createHash('sha256').update(issued.key).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(issued.key);
      // Loose: a parse must not strip the key the list is checked not to carry.
      const listed = (await keys(streetAdmin))
        .body(itemsOf(open311KeySchema.loose()))
        .items.find((k) => k.id === issued.id);
      expect(listed).toBeDefined();
      expect(listed).not.toHaveProperty('key');
      expect(listed?.keyPrefix).toBe(issued.keyPrefix);
    });

    it('lets a request in with the key, and refuses it once the key is revoked', async () => {
      expect((await postWith(issued.key)).status).toBe(200);
      const revoked = await revoke(streetAdmin, issued.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body(open311KeySchema).revokedAt).toEqual(expect.any(String));
      expect((await postWith(issued.key)).status).toBe(403);
      const again = await revoke(streetAdmin, issued.id);
      expect(again.status).toBe(409);
    });

    it('audits issuing and revoking, never with the key', async () => {
      const rows = await env.database.db
        .selectFrom('audit_log')
        .select(['action', 'target_id', 'summary', 'region_code'])
        .where('target_type', '=', 'open311_key')
        .where('target_id', '=', issued.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.action)).toEqual(['open311.key_created', 'open311.key_revoked']);
      for (const row of rows) {
        expect(row.region_code).toBe(QINGNIAN);
        expect(row.summary).not.toContain(issued.key);
        expect(JSON.parse(row.summary)).toEqual({ name: '市民通 App', keyPrefix: issued.keyPrefix });
      }
    });

    it('lists the keys of the caller’s scope, newest first', async () => {
      await create(admin, { name: '上海新村', regionCode: SHANGHAI_XINCUN });
      const all = (await keys(admin)).body(open311KeyListSchema).items;
      const street = (await keys(streetAdmin)).body(open311KeyListSchema).items;
      expect(all.length).toBeGreaterThan(street.length);
      expect(street.every((k) => k.regionCode.startsWith(XINGJIAN_STREET))).toBe(true);
      expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(all);
    });
  });
});
