import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumber, type ResidentCells, seededRandom } from '../src/server/fixtures/resident-rows';
import { MEMBER_HEADERS, REQUIRED_MEMBER_HEADERS } from '../src/shared/member-template';
import { ERROR_COLUMN } from '../src/shared/register-template';
import { markedHeading } from '../src/shared/template-headings';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import {
  COMMITTEE,
  CORRIDOR,
  ID_NUMBER,
  NAME,
  organizationPages,
  PHONE,
  SECRETARY,
  setUpQingnian,
} from './support/organizations';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { fillDate, logIn, pickRegion, visibleText } from './support/ui';

// The organization tree and its members: a corridor branch, the member import (rejected, then
// accepted) and a member added by hand. Warm groups, coverage, 双报到 and enterprises are in
// organizations-care.e2e.ts.

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
const _COMMITMENT = '每月参加一次社区环境整治，帮助独居老人购买生活用品';

describeInBrowser('organizations: corridor branch and its members in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-organizations-e2e-'));
  let building = '';
  let corridorId = '';
  let registerMembers: ResidentCells[] = [];
  const outsiderId = idNumber(seededRandom(5), { prefix: '110101', birthYear: 1985 });

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    ({ building, registerMembers } = await setUpQingnian(admin, folder));

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
  const { quiet, dialog } = organizationPages(() => page);

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

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
