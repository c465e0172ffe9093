import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  idNumber,
  type ResidentCells,
  residentRows,
  seededRandom,
  writeResidentXlsx,
} from '../src/server/fixtures/resident-rows';
import { MEMBER_HEADERS, REQUIRED_MEMBER_HEADERS } from '../src/shared/member-template';
import { ERROR_COLUMN } from '../src/shared/register-template';
import { markedHeading } from '../src/shared/template-headings';
import { creditCodeCheckChar } from '../src/shared/validators/index';
import { type ApiClient, apiLogin, createRegion, createUser, waitForImport } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { fillDate, logIn, logOut, pickMember, pickRegion, visibleText } from './support/ui';

const QINGNIAN = '230108001002';
const SECRETARY = { username: 'qn_secretary', displayName: '青年社区书记', password: 'Youth-Party-2026!' };
const MEMBER_ACCOUNT = { username: 'qn_member', password: 'Red-Flag-Member-9' };
const COMMITTEE = '青年社区党委';
const CORRIDOR = '1号楼楼道党支部';
const WARM_GROUP = '1号楼1单元温馨小组';
const OUTSIDER = { name: '欧阳华', phone: '13912345678' };
/** Members living outside the district, imported from the file (valid ID numbers of other places). */
const IMPORTED_OUTSIDERS = [
  {
    name: '上官文',
    idNumber: idNumber(seededRandom(6), { prefix: '110105', birthYear: 1979 }),
    phone: '13912340001',
  },
  { name: '司马静', idNumber: idNumber(seededRandom(7), { prefix: '310104', birthYear: 1990 }), phone: '' },
];
/** The row of the first member file that is wrong (0-based among the data rows), and why. */
const BAD_ROW = 3;
const BAD_REASON = '人员类别：应为 正式党员、预备党员';
const COMMITMENT = '每月参加一次社区环境整治，帮助独居老人购买生活用品';

/** Column indexes of a resident row (the template's order). */
const NAME = 0;
const ID_NUMBER = 1;
const PHONE = 3;
const UNIT = 7;
const ROOM = 9;

/** The server's rounding of a coverage percentage (one decimal). */
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

describeInBrowser(
  'organizations: corridor branch, members, warm group, coverage and registration in the browser',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let shot: (name: string) => Promise<void>;
    let admin: ApiClient;
    const pageErrors: string[] = [];
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-organizations-e2e-'));
    let grid = '';
    let building = '';
    let rows: ResidentCells[] = [];
    /** Households of 1号楼: all of them, and those of unit 1 ("this entrance"). */
    let households = 0;
    let unitOneHouseholds = 0;
    let corridorId = '';
    /** Residents who become members: the first leads the warm group; the second registers. */
    let members: ResidentCells[] = [];
    /** The residents of the member file: `members` and five more from the set-up file. */
    let registerMembers: ResidentCells[] = [];
    const outsiderId = idNumber(seededRandom(5), { prefix: '110101', birthYear: 1985 });

    beforeAll(async () => {
      server = await startServer();
      admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);

      grid = await createRegion(admin, QINGNIAN, 'grid', '青年三网格');
      building = await createRegion(admin, grid, 'building', '1号楼');
      rows = [...residentRows({ count: 30, gridCode: grid, buildings: ['1号楼'], seed: 11 })];
      const file = path.join(folder, '青年三网格居民.xlsx');
      await writeResidentXlsx(file, rows);
      const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
      await waitForImport(admin, job.id);
      const places = new Set(rows.map((row) => `${row[UNIT]}-${row[ROOM]}`));
      households = places.size;
      unitOneHouseholds = [...places].filter((place) => place.startsWith('1-')).length;
      // Three residents of different households (the first leads the warm group, the second
      // registers, the third is assigned a household) and five more are imported as members.
      const seen = new Set<string>();
      members = rows.filter((row) => {
        const place = `${row[UNIT]}-${row[ROOM]}`;
        if (seen.has(place)) return false;
        seen.add(place);
        return true;
      });
      members = members.slice(0, 3);
      registerMembers = [...members, ...rows.filter((row) => !members.includes(row)).slice(0, 5)];

      await createUser(admin, SECRETARY, 'secretary', QINGNIAN);
      await createUser(admin, { ...MEMBER_ACCOUNT, displayName: members[1]![NAME]! }, 'member', QINGNIAN);
      await admin.json('POST', '/api/organizations', {
        kind: 'committee',
        name: COMMITTEE,
        parentId: null,
        anchorRegionCode: QINGNIAN,
      });

      browser = await launchBrowser();
      page = await openPage(browser, server.baseUrl, pageErrors);
      shot = screenshotRecorder(page, 'organizations-');
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    const text = (target: Parameters<typeof visibleText>[1]) => visibleText(page, target);

    /** Waits until the success messages have faded, so a screenshot shows the page under them. */
    const quiet = () =>
      page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 });
    const dialog = (name: string) => page.getByRole('dialog', { name });

    /**
     * The member file: the eight residents (names and ID numbers as in the set-up file) and the two
     * living outside the district, all of the corridor branch, in the template's columns.
     */
    const memberFileRows = (): string[][] => [
      ...registerMembers.map((row, i) => [
        row[NAME]!,
        row[ID_NUMBER]!,
        row[PHONE]!,
        CORRIDOR,
        i === 5 ? '预备党员' : '正式党员',
        i === 4 ? '离退休' : '在职',
        i === 5 ? '2025-06-28' : '2012-07-01',
        i === 0 ? '支部书记' : i === 1 ? '组织委员' : '',
      ]),
      ...IMPORTED_OUTSIDERS.map((o) => [
        o.name,
        o.idNumber,
        o.phone,
        CORRIDOR,
        '正式党员',
        '流动',
        '2015-07-01',
        '',
      ]),
    ];

    async function writeMemberXlsx(name: string, rows: string[][]): Promise<string> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('党员信息');
      sheet.addRow([...MEMBER_HEADERS]);
      for (const row of rows) sheet.addRow(row);
      const file = path.join(folder, name);
      await workbook.xlsx.writeFile(file);
      return file;
    }

    /** Chooses a file in the import form and starts the import. */
    async function upload(file: string): Promise<void> {
      await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
      await page.getByText(path.basename(file)).waitFor();
      await page.getByTestId('import-start').click();
    }

    /** Downloads a spreadsheet through the page: its suggested name and the first sheet's rows. */
    async function downloaded(testId: string): Promise<{ fileName: string; rows: string[][] }> {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const rows: string[][] = [];
      workbook.worksheets[0]!.eachRow((row) => {
        rows.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text));
      });
      return { fileName: download.suggestedFilename(), rows };
    }

    it('1. lets the secretary open 组织 and create a corridor branch for 1号楼 under the committee', async () => {
      await page.goto('/');
      await logIn(page, SECRETARY.username, SECRETARY.password);
      await page.waitForURL('**/cockpit');
      await page.getByTestId('menu-organizations').click();
      await page.getByTestId('organization-detail').waitFor();
      expect(await text('org-name')).toBe(COMMITTEE);
      expect(await text('org-tree')).toContain(COMMITTEE);
      expect(await text('org-facts')).toContain('青年社区');
      await shot('committee');

      await page.getByTestId('org-create-child').click();
      const form = dialog(`在“${COMMITTEE}”下新建组织`);
      await form.getByTestId('org-kind').click();
      // The kind rules offer no 党小组 directly under a committee.
      expect(await page.getByTestId('org-kind-option-group').count()).toBe(0);
      await page.getByTestId('org-kind-option-corridor_branch').click();
      await form.getByTestId('org-name-input').fill(CORRIDOR);
      expect(await text(form)).toContain('可选：楼栋');
      await pickRegion(page, form.getByTestId('org-anchor-region'), '1号楼', building);
      await shot('corridor-form');
      await form.getByRole('button', { name: /创\s*建/ }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByTestId('org-name').filter({ hasText: CORRIDOR }).waitFor();
      corridorId = /\/organizations\/([^/?]+)/.exec(page.url())?.[1] ?? '';
      expect(corridorId).not.toBe('');
      expect(await text(page.getByTestId('organization-detail').getByTestId('org-kind-tag'))).toBe(
        '楼道党支部',
      );
      const facts = await text('org-facts');
      expect(facts).toContain('1号楼');
      expect(facts).toContain(COMMITTEE);
      // The tree unfolds down to the new branch.
      await page.getByTestId(`org-node-${corridorId}`).waitFor();
      await shot('corridor-created');
    });

    it('2. opens 导入党员 from the corridor branch: the template and what each column takes', async () => {
      await page.getByTestId('open-member-import').click();
      await page.getByTestId('member-import-page').waitFor();
      expect(page.url()).toContain(`/organizations/import?org=${corridorId}`);
      const columns = await text('template-columns');
      for (const header of MEMBER_HEADERS) expect(columns).toContain(header);
      expect(columns).toContain('正式党员、预备党员');
      expect(columns).toContain('在职、离退休、流动、失联');
      // No list of recent imports: the server lists resident and member imports together.
      expect(await page.getByTestId('recent-imports').count()).toBe(0);
      await quiet();
      await shot('member-import');

      const template = await downloaded('download-template');
      expect(template.fileName).toBe('党员信息导入模板.xlsx');
      // Required columns carry a * (the page says "带 * 的列必填").
      expect(template.rows[0]).toEqual(
        MEMBER_HEADERS.map((header) => markedHeading(header, REQUIRED_MEMBER_HEADERS.includes(header))),
      );
    });

    it('3. rejects a member file with one bad row: nothing imported, the report names the row', async () => {
      const rows = memberFileRows();
      rows[BAD_ROW]![4] = '积极分子';
      await upload(await writeMemberXlsx('党员名单-有误.xlsx', rows));
      const outcome = page.getByTestId('import-rejected');
      expect(await text(outcome)).toContain('未导入任何数据');
      expect(await text('import-count-totalRows')).toContain('10');
      expect(await text('import-count-invalid')).toContain('1');
      await shot('member-import-rejected');

      const list = await admin.json<{ items: unknown[] }>('GET', `/api/organizations/${corridorId}/members`);
      expect(list.items).toEqual([]);

      const report = await downloaded('download-report');
      expect(report.fileName).toBe('党员名单-有误.errors.xlsx');
      const reasonAt = report.rows[0]!.indexOf(ERROR_COLUMN);
      // The report lists only the bad rows: their row number, their own cells, then the reason.
      expect(reasonAt).toBe(MEMBER_HEADERS.length + 1);
      const reported = report.rows
        .slice(1)
        .filter((row) => row[reasonAt])
        .map((row) => ({ name: row[1], reason: row[reasonAt] }));
      expect(reported).toEqual([{ name: rows[BAD_ROW]![0], reason: BAD_REASON }]);
    });

    it('4. imports 10 members into the corridor branch: 8 residents and 2 living outside', async () => {
      await upload(await writeMemberXlsx('党员名单.xlsx', memberFileRows()));
      const outcome = page.getByTestId('import-succeeded');
      expect(await text(outcome)).toContain('导入完成');
      expect(await text('import-count-created')).toContain('10');
      expect(await text('import-count-unchanged')).toContain('0');
      await shot('member-import-succeeded');

      // Back to the branch the import was opened from, its members there.
      await page.getByTestId('import-to-organization').click();
      await page.getByTestId('org-name').filter({ hasText: CORRIDOR }).waitFor();
      const members = page.getByTestId('org-members-table');
      await members.getByText(IMPORTED_OUTSIDERS[1]!.name, { exact: true }).waitFor();
      const table = await text(members);
      for (const row of registerMembers) {
        expect(table).toContain(row[NAME]!);
        const id = row[ID_NUMBER]!;
        expect(table).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
        expect(table).not.toContain(id);
      }
      for (const outsider of IMPORTED_OUTSIDERS) expect(table).toContain(outsider.name);
      for (const value of ['正式党员', '预备党员', '在职', '离退休', '流动', '2012-07-01', '支部书记']) {
        expect(table).toContain(value);
      }
      expect(await members.getByTestId('outside-tag').count()).toBe(IMPORTED_OUTSIDERS.length);
      expect(await text('outside-note')).toContain(`${IMPORTED_OUTSIDERS.length} 名党员居住在区外`);
      expect(await text('org-facts')).toContain('10');
    });

    it('5. adds one more member living outside the district through the form', async () => {
      await page.getByTestId('org-add-member').click();
      const form = dialog(`为“${CORRIDOR}”添加党员`);
      await form.getByText('居住在区外').click();
      await form.getByTestId('member-name').fill(OUTSIDER.name);
      await form.getByTestId('member-id-number').fill(outsiderId);
      await form.getByTestId('member-phone').fill(OUTSIDER.phone);
      await fillDate(page, form.getByTestId('member-joined'), '2012-07-01');
      await shot('member-form');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByTestId('org-members-table').getByText(OUTSIDER.name).waitFor();
      expect(await text('outside-note')).toContain(`${IMPORTED_OUTSIDERS.length + 1} 名党员居住在区外`);
      expect(await text('org-facts')).toContain('11');
      await quiet();
      await shot('members');
    });

    it('6. creates a warm group for 1号楼, sets its leader and adds the households of unit 1', async () => {
      await page.getByTestId('org-create-child').click();
      const form = dialog(`在“${CORRIDOR}”下新建组织`);
      await form.getByTestId('org-kind').click();
      await page.getByTestId('org-kind-option-warm_group').click();
      await form.getByTestId('org-name-input').fill(WARM_GROUP);
      await pickRegion(page, form.getByTestId('org-anchor-region'), '1号楼', building);
      await form.getByRole('button', { name: /创\s*建/ }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByTestId('org-name').filter({ hasText: WARM_GROUP }).waitFor();
      expect(await text(page.getByTestId('organization-detail').getByTestId('org-kind-tag'))).toBe(
        '党群温馨小组',
      );

      const leader = members[0]![NAME]!;
      await page.getByTestId('org-set-leader').click();
      const leaderForm = dialog(`设置“${WARM_GROUP}”的负责人`);
      await pickMember(page, leaderForm.getByTestId('leader-picker'), leader, CORRIDOR);
      await quiet();
      await shot('leader-form');
      await leaderForm.getByRole('button', { name: /保\s*存/ }).click();
      await leaderForm.waitFor({ state: 'hidden' });
      await page.getByTestId('org-facts').filter({ hasText: leader }).waitFor();

      await page.getByTestId('org-add-households').click();
      const households = dialog(`为“${WARM_GROUP}”添加住户`);
      // The group's building is already chosen; "this entrance" is unit 1.
      expect(await text(households.getByTestId('households-building'))).toContain('1号楼');
      await households.getByTestId('households-unit').click();
      await page.getByTestId('unit-option-1').click();
      await shot('households-form');
      await households.getByRole('button', { name: /保\s*存/ }).click();
      await households.waitFor({ state: 'hidden' });
      await page.getByText(`已添加 ${unitOneHouseholds} 户`).waitFor();
      expect(await text('org-history')).toContain('更换负责人');
      // The group's households are in its leader's care.
      expect(await text('group-households')).toContain(`小组联系的住户（${unitOneHouseholds} 户）`);
      const rows = await text('group-households-table');
      expect(rows).toContain(leader);
      expect(rows).toContain('随负责人');
      expect(rows).not.toContain('单独指派');
      await quiet();
      await shot('warm-group');
    });

    it('7. shows coverage of the grid; assigning an uncovered household raises the figure', async () => {
      await page.getByTestId('menu-coverage').click();
      await page.getByTestId('coverage-page').waitFor();
      expect(await text('coverage-title')).toBe('青年社区 覆盖情况');
      await page.getByTestId(`coverage-child-${grid}`).click();
      await page.getByTestId('coverage-title').filter({ hasText: '青年三网格' }).waitFor();

      const before = percent(unitOneHouseholds, households);
      expect(before).toBeGreaterThan(0);
      expect(await text('coverage-care-percent')).toBe(`${before}%`);
      expect(await text('coverage-care-counts')).toBe(`${unitOneHouseholds} / ${households} 户`);
      expect(await text('coverage-warm-percent')).toBe(`${before}%`);
      // 1号楼 has its corridor branch now.
      expect(await text('coverage-corridor-percent')).toBe('100%');
      const uncovered = households - unitOneHouseholds;
      expect(uncovered).toBeLessThan(households);
      await page.getByText(`已显示 ${uncovered} 条`).waitFor();
      expect(await text('uncovered-count')).toBe(`共 ${uncovered} 户`);
      expect(await page.getByTestId('uncovered-table').locator('tbody tr').count()).toBe(uncovered);
      await quiet();
      await shot('coverage');

      await page.locator('[data-testid^="assign-"]').first().click();
      const assign = page.getByRole('dialog', { name: /指派关爱党员/ });
      await pickMember(page, assign.getByTestId('assign-member'), members[2]![NAME]!, CORRIDOR);
      await shot('assign-form');
      await assign.getByRole('button', { name: /指\s*派/ }).click();
      await assign.waitFor({ state: 'hidden' });
      const after = percent(unitOneHouseholds + 1, households);
      expect(after).toBeGreaterThan(before);
      await page
        .getByTestId('coverage-care-percent')
        .filter({ hasText: `${after}%` })
        .waitFor();
      await page.getByText(`已显示 ${uncovered - 1} 条`).waitFor();
      await quiet();
      await shot('coverage-assigned');

      // The neighbour map's rooms name their caring member.
      await page.goto(`/regions/${building}`);
      await page.getByTestId('building-diagram').waitFor();
      const diagram = await text('building-diagram');
      expect(diagram).toContain(`关爱：${members[0]![NAME]}`);
      expect(diagram).toContain(`关爱：${members[2]![NAME]}`);
      await shot('building-map-caring');
    });

    it('8. lets a member register at 青年社区 with two service areas and a commitment', async () => {
      const list = await admin.json<{ items: { id: string; name: string }[] }>(
        'GET',
        `/api/organizations/${corridorId}/members`,
      );
      const member = list.items.find((m) => m.name === members[1]![NAME]);
      expect(member).toBeDefined();
      await admin.json('PUT', `/api/members/${member!.id}/account`, { username: MEMBER_ACCOUNT.username });

      await logOut(page);
      await logIn(page, MEMBER_ACCOUNT.username, MEMBER_ACCOUNT.password);
      // A member lands on their own page (我的), which is also in the side menu.
      await page.waitForURL('**/me');
      expect(await page.getByTestId('menu-my-page').isVisible()).toBe(true);
      await page.getByTestId('my-page').waitFor();
      expect(await text('member-page-name')).toBe(members[1]![NAME]);
      expect(await text('member-summary')).toContain(CORRIDOR);

      const form = page.getByTestId('register-form');
      await pickRegion(page, form.getByTestId('register-community'), '青年', QINGNIAN);
      await form.getByTestId('area-宣传教育').click();
      await form.getByTestId('area-社区环境').click();
      await form.getByTestId('register-commitment').fill(COMMITMENT);
      await shot('register-form');
      await form.getByTestId('register-submit').click();
      await page.getByTestId('registration-status').filter({ hasText: '待确认' }).waitFor();
      const view = await text('registration-view');
      expect(view).toContain('青年社区');
      expect(view).toContain('宣传教育');
      expect(view).toContain('社区环境');
      expect(view).toContain(COMMITMENT);
      expect(await page.getByTestId('register-form').count()).toBe(0);
      await shot('registered');
    });

    it('9. lets the secretary confirm the registration', async () => {
      await logOut(page);
      await logIn(page, SECRETARY.username, SECRETARY.password);
      await page.waitForURL('**/cockpit');
      await page.getByTestId('menu-party').click();
      await page.getByTestId('party-page').waitFor();
      const name = members[1]![NAME]!;
      const row = page.getByTestId('registrations-table').getByRole('row', { name: new RegExp(name) });
      await row.getByText('待确认').waitFor();
      expect(await text('registration-summary')).toContain('青年社区');
      await shot('registrations');

      await row.getByRole('button', { name: /确\s*认/ }).click();
      await row.getByText('已确认').waitFor();
      const summary = page.getByTestId('registration-summary').getByRole('row', { name: /青年社区/ });
      expect(await text(summary)).toMatch(/青年社区\s+1\s+0/);
      await quiet();
      await shot('registration-confirmed');

      // The other tabs of 党员管理 open on their lists.
      await page.getByTestId('tab-transfers').click();
      await page.getByTestId('transfers-table').waitFor();
      await page.getByTestId('tab-commitments').click();
      await page.getByTestId('commitments-table').waitFor();
      await page.getByTestId('tab-commendations').click();
      await page.getByTestId('commendations-table').waitFor();
      await shot('commendations');

      // The member's page shows the confirmed registration.
      await page.getByTestId('tab-registrations').click();
      await page.getByTestId('registrations-table').getByRole('link', { name, exact: true }).click();
      await page.getByTestId('member-page').waitFor();
      expect(await text('member-page-name')).toBe(name);
      await page.getByTestId('registration-status').filter({ hasText: '已确认' }).waitFor();
      await shot('member-page');
    });

    it('10. registers an enterprise; a wrong or taken credit code is refused on the field', async () => {
      await page.getByTestId('menu-organizations').click();
      await page.getByTestId('open-enterprises').click();
      await page.getByTestId('enterprises-page').waitFor();
      const first17 = '91230108MA1B2C3D4';
      const good = first17 + creditCodeCheckChar(first17);
      const bad = first17 + (good.endsWith('0') ? '1' : '0');

      /** Fills the form (a name, a credit code, 青年社区) and submits it. */
      const register = async (name: string, creditCode: string) => {
        await page.getByTestId('enterprise-create').click();
        const form = dialog('登记企业');
        await form.getByTestId('enterprise-name').fill(name);
        await form.getByTestId('enterprise-credit-code').fill(creditCode);
        await form.getByTestId('enterprise-address').fill('平房区青年街 18 号');
        await pickRegion(page, form.getByTestId('enterprise-region'), '青年社区', QINGNIAN);
        await form.getByRole('button', { name: /创\s*建/ }).click();
        return form;
      };

      // A wrong check character is caught before the form is sent.
      const form = await register('哈尔滨青年食品有限公司', bad);
      await form.getByText('统一社会信用代码校验位错误，请核对').waitFor();
      await form.getByTestId('enterprise-credit-code').fill(good);
      await form.getByRole('button', { name: /创\s*建/ }).click();
      await form.waitFor({ state: 'hidden' });
      const table = await text('enterprises-table');
      expect(table).toContain('哈尔滨青年食品有限公司');
      expect(table).toContain(good);
      expect(table).toContain('青年社区');

      // The same code again: the server refuses it, and says so on the field.
      const again = await register('青年食品分公司', good);
      const field = again.locator('.ant-form-item').filter({ hasText: '统一社会信用代码' });
      await field.getByText(`统一社会信用代码 ${good} 已登记`).waitFor();
      await shot('enterprise-taken-code');
      await again.getByRole('button', { name: /取\s*消/ }).click();
      await again.waitFor({ state: 'hidden' });
      await quiet();
      await shot('enterprises');
    });

    it('raised no uncaught errors in the page', () => {
      expect(pageErrors).toEqual([]);
    });
  },
);
