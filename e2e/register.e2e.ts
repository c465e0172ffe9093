import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ResidentCells, residentRows, writeResidentXlsx } from '../src/server/fixtures/resident-rows';
import { namePinyin } from '../src/server/modules/register/person-fields';
import { type ApiClient, apiLogin, createRegion, createUser, waitForImport } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logIn, logOut, visibleText } from './support/ui';

const QINGNIAN = '230108001002';
const SHANGHAI_XINCUN = '230108001003';
const WORKER = { username: 'qn_worker', displayName: '青年二网格网格员', password: 'Grid-Keeper-2026!' };
const AUDITOR = { username: 'district_auditor', displayName: '区审计员', password: 'Audit-Pass-2026!' };
const OUTSIDER = '欧阳明';
const REVEAL_REASON = '办理居住证明核实身份';
const HEALTH_CONDITIONS = '高血压，每日服药；行动不便';

/** Column indexes of a resident row (the template's order). */
const NAME = 0;
const ID_NUMBER = 1;
const GENDER = 2;
const GRID = 5;
const BAD_ROWS = [2, 6, 11];

describeInBrowser('register: import, search, reveal and audit in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-register-e2e-'));
  const badFile = path.join(folder, '青年二网格居民.xlsx');
  const fixedFile = path.join(folder, '青年二网格居民-已修正.xlsx');
  let grid = '';
  let building = '';
  let otherGrid = '';
  let rows: ResidentCells[] = [];
  let outsiderId = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);

    grid = await createRegion(admin, QINGNIAN, 'grid', '青年二网格');
    building = await createRegion(admin, grid, 'building', '1号楼');
    otherGrid = await createRegion(admin, SHANGHAI_XINCUN, 'grid', '上海新村一网格');
    await createRegion(admin, otherGrid, 'building', '1号楼');
    await createUser(admin, WORKER, 'grid_worker', grid);
    await createUser(admin, AUDITOR, 'auditor', '230108');

    // Residents of the other grid, imported by the administrator: the worker must not see them.
    const elsewhere = [...residentRows({ count: 5, gridCode: otherGrid, buildings: ['1号楼'], seed: 99 })];
    elsewhere[0]![NAME] = OUTSIDER;
    const elsewhereFile = path.join(folder, 'elsewhere.xlsx');
    await writeResidentXlsx(elsewhereFile, elsewhere);
    const job = await admin.upload<{ id: string }>(
      '/api/imports',
      fs.readFileSync(elsewhereFile),
      'elsewhere.xlsx',
    );
    await waitForImport(admin, job.id);
    const found = await admin.json<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/persons?q=${encodeURIComponent(OUTSIDER)}`,
    );
    outsiderId = found.items[0]?.id ?? '';
    expect(outsiderId).not.toBe('');

    // The worker's spreadsheet: 20 residents of their grid, and a copy with three bad rows.
    rows = [...residentRows({ count: 20, gridCode: grid, buildings: ['1号楼'], seed: 7 })];
    await writeResidentXlsx(fixedFile, rows);
    const bad = rows.map((row) => [...row]);
    const id = bad[2]![ID_NUMBER]!;
    bad[2]![ID_NUMBER] = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    bad[6]![GENDER] = bad[6]![GENDER] === '男' ? '女' : '男';
    bad[11]![GRID] = otherGrid;
    await writeResidentXlsx(badFile, bad);

    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors, { context: { acceptDownloads: true } });
    shot = screenshotRecorder(page, 'register-');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const text = (target: Parameters<typeof visibleText>[1]) => visibleText(page, target);

  /** An 18-character ID number as lists show it: 230108********1234. */
  const maskedId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

  /** Clicks an export button and reads the downloaded sheet's ID-number column. */
  async function exported(click: () => Promise<void>): Promise<{ fileName: string; ids: string[] }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const ids: string[] = [];
    workbook.worksheets[0]!.eachRow((row, number) => {
      if (number > 1) ids.push(row.getCell(ID_NUMBER + 1).text);
    });
    return { fileName: download.suggestedFilename(), ids };
  }

  /** Chooses a file in the import form and starts the import. */
  async function upload(file: string): Promise<void> {
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await page.getByText(path.basename(file)).waitFor();
    await page.getByTestId('import-start').click();
  }

  it('lets the grid worker open the import page from 居民', async () => {
    await page.goto('/');
    await logIn(page, WORKER.username, WORKER.password);
    await page.waitForURL(`**/regions/${grid}`);
    expect(await text('current-user')).toBe(WORKER.displayName);
    // The grid's 住户分布 shows its building, still empty.
    expect(await text(page.getByTestId(`map-building-${building}`))).toContain('0 户 · 0 人');
    await shot('worker-grid');

    await page.getByTestId('menu-persons').click();
    await page.getByTestId('persons-page').waitFor();
    expect(await text('persons-table')).toContain('没有符合条件的居民');
    await page.getByTestId('persons-import').click();
    await page.getByTestId('imports-page').waitFor();
    const template = await text('template-columns');
    for (const header of ['姓名', '公民身份号码', '所属网格', '与户主关系', '人员标签']) {
      expect(template).toContain(header);
    }
    await shot('import-page');
  });

  it('rejects the file with three bad rows, imports nothing and reports exactly those rows', async () => {
    await upload(badFile);
    const outcome = page.getByTestId('import-rejected');
    expect(await text(outcome)).toContain('未导入任何数据');
    expect(await text('import-count-invalid')).toContain('3');
    expect(await text('import-count-totalRows')).toContain('20');
    await shot('import-rejected');

    const persons = await admin.json<{ items: unknown[] }>('GET', `/api/persons?region=${grid}`);
    expect(persons.items).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-report').click(),
    ]);
    expect(download.suggestedFilename()).toBe('青年二网格居民.errors.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    // The report lists only the bad rows: their row number, their own cells, then the reason.
    expect(sheet.getRow(1).getCell(1).text).toBe('行号');
    expect(sheet.getRow(1).getCell(16).text).toBe('错误原因');
    const reported: { name: string; reason: string }[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1 && row.getCell(16).text) {
        reported.push({ name: row.getCell(2).text, reason: row.getCell(16).text });
      }
    });
    expect(reported).toEqual([
      { name: rows[BAD_ROWS[0]!]![NAME], reason: '公民身份号码：校验位错误' },
      { name: rows[BAD_ROWS[1]!]![NAME], reason: '性别：与公民身份号码不符' },
      { name: rows[BAD_ROWS[2]!]![NAME], reason: '所属网格：网格不存在或不在您的管辖范围内' },
    ]);
  });

  it('imports the fixed file: 20 new residents', async () => {
    await upload(fixedFile);
    const outcome = page.getByTestId('import-succeeded');
    expect(await text(outcome)).toContain('导入完成');
    expect(await text('import-count-created')).toContain('20');
    expect(await text('import-count-updated')).toContain('0');
    const recent = await text('recent-imports-table');
    expect(recent).toContain('已拒绝');
    expect(recent).toContain('已完成');
    await shot('import-succeeded');
  });

  it('finds a resident by the pinyin initials of their name and opens them', async () => {
    await page.getByTestId('import-to-persons').click();
    await page.getByTestId('persons-page').waitFor();
    expect(await text(page.getByText('已显示 20 条'))).toBe('已显示 20 条');
    await shot('persons');

    // 导出: the list as .xlsx, ID numbers masked; 导出明文 asks why and has them in clear.
    const masked = await exported(() => page.getByTestId('persons-export').click());
    // The masked and the clear file are named apart, with the day (Beijing time) they were made.
    expect(masked.fileName).toMatch(/^居民信息-脱敏-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(masked.ids).toHaveLength(20);
    expect(masked.ids).toContain(maskedId(rows[0]![ID_NUMBER]!));
    await page.getByTestId('persons-export-revealed').click();
    const exportDialog = page.getByRole('dialog', { name: '导出明文名单' });
    await exportDialog.getByTestId('reason-input').fill('年度人口核查上报');
    const clear = await exported(() => exportDialog.getByRole('button', { name: /导\s*出/ }).click());
    expect(clear.ids.sort()).toEqual(rows.map((row) => row[ID_NUMBER]!).sort());
    expect(clear.fileName).toMatch(/^居民信息-明文-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const [name, idNumber] = [rows[0]![NAME]!, rows[0]![ID_NUMBER]!];
    const initials = namePinyin(name).initials;
    await page.getByTestId('persons-search').locator('input').fill(initials);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/persons?q=${initials}`);
    // Everyone whose name's initials or full pinyin start so (the search's own rule).
    const matches = rows
      .map((row) => row[NAME]!)
      .filter((other) => {
        const pinyin = namePinyin(other);
        return pinyin.initials.startsWith(initials) || pinyin.full.startsWith(initials);
      });
    expect(matches.length).toBeLessThan(rows.length);
    await page.getByText(`已显示 ${matches.length} 条`).waitFor();
    const table = await text('persons-table');
    for (const match of matches) expect(table).toContain(match);
    expect(table).toContain(maskedId(idNumber));
    expect(table).not.toContain(idNumber);
    const link = page.getByTestId('persons-table').getByRole('link', { name, exact: true });
    await shot('search-initials');

    await link.first().click();
    await page.getByTestId('person-page').waitFor();
    expect(await text('person-name')).toBe(name);
    expect(await text('value-idNumber')).toBe(maskedId(idNumber));
    await shot('person');
  });

  it('reveals the ID number for a stated reason, with a countdown', async () => {
    const idNumber = rows[0]![ID_NUMBER]!;
    await page.getByTestId('reveal-idNumber').click();
    const dialog = page.getByRole('dialog', { name: '查看公民身份号码' });
    await dialog.getByTestId('reason-input').waitFor();
    // No reason, no value.
    await dialog.getByRole('button', { name: /查\s*看/ }).click();
    expect(await text(dialog)).toContain('请填写原因');
    await dialog.getByTestId('reason-input').fill(REVEAL_REASON);
    await shot('reveal-reason');
    await dialog.getByRole('button', { name: /查\s*看/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('value-idNumber').filter({ hasText: idNumber }).waitFor();
    expect(await text('countdown-idNumber')).toMatch(/^\d+ 秒后隐藏$/);
    await shot('revealed');
  });

  it('records a health record, shown only after a reason', async () => {
    await page.getByTestId('health-edit').click();
    const form = page.getByRole('dialog', { name: `编辑“${rows[0]![NAME]}”的健康档案` });
    await form.getByTestId('health-conditions').fill(HEALTH_CONDITIONS);
    await form.getByTestId('health-doctor').fill('平房区社区卫生服务中心 王医生');
    await shot('health-form');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const card = page.getByTestId('health-card');
    await card.getByText('内容已隐藏').waitFor();
    expect(await text(card)).not.toContain(HEALTH_CONDITIONS);

    await page.getByTestId('reveal-health').click();
    const dialog = page.getByRole('dialog', { name: '查看健康档案' });
    await dialog.getByTestId('reason-input').fill('入户走访前了解健康状况');
    await dialog.getByRole('button', { name: /查\s*看/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await text('health-record')).toContain(HEALTH_CONDITIONS);
    expect(await text('countdown-health')).toMatch(/秒后隐藏$/);
    await shot('health-revealed');
  });

  it('shows the household with its members and neighbours, and the building diagram', async () => {
    await page.getByTestId('person-household').click();
    await page.getByTestId('household-page').waitFor();
    expect(await text('members-table')).toContain(rows[0]![NAME]!);
    expect(await text('health-marker')).toBe('有健康档案');
    await page.getByTestId('contact-history').getByText('这户还没有走访或工单记录').waitFor();
    await page.getByTestId('neighbours-card').getByRole('link').first().waitFor();
    await shot('household');

    await page.goto(`/regions/${building}`);
    await page.getByTestId('building-diagram').waitFor();
    expect(await text('building-diagram')).toContain(rows[0]![NAME]!);
    await shot('building-map');

    await page.getByTestId('region-breadcrumb').getByRole('link', { name: '青年二网格' }).click();
    const tile = page.getByTestId(`map-building-${building}`);
    await tile.filter({ hasText: '20 人' }).waitFor();
    await shot('grid-map');
  });

  it('does not show the worker residents of the other grid', async () => {
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('persons-search').locator('input').fill(OUTSIDER);
    await page.keyboard.press('Enter');
    await page.getByTestId('persons-table').getByText('没有符合条件的居民').waitFor();
    await page.getByTestId('persons-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    // The debounced search may answer once more after Enter: read until the table has settled.
    await expect.poll(() => text('persons-table')).toContain('没有符合条件的居民');
    await shot('outsider-not-found');

    await page.goto(`/persons/${outsiderId}`);
    expect(await text('person-not-found')).toContain('人员不存在或无权访问');
    expect(await page.getByText(OUTSIDER).count()).toBe(0);
  });

  it('shows the auditor the reveal and its reason in the audit log', async () => {
    await logOut(page);
    await logIn(page, AUDITOR.username, AUDITOR.password);
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-action').click();
    await page.keyboard.type('person.revealed');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-search').click();
    const row = page.getByRole('row', { name: new RegExp(REVEAL_REASON) });
    await row.waitFor();
    const log = await text('audit-table');
    expect(log).toContain(WORKER.username);
    expect(log).toContain('查看居民明文信息');
    expect(log).not.toContain('person.imported');
    expect(log).not.toContain(rows[0]![ID_NUMBER]!);
    // Two reveals: the ID number, then the health record, each with its reason.
    expect(await page.getByRole('row', { name: /person\.revealed/ }).count()).toBe(2);
    const entry = await text(row);
    expect(entry).toContain(WORKER.username);
    expect(entry).toContain(`公民身份号码 · 原因：${REVEAL_REASON}`);
    expect(log).not.toContain(HEALTH_CONDITIONS);
    await shot('audit-reveal');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
