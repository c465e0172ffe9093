import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, repoRoot, startServer } from './support/server';
import { logIn, logOut, visibleText } from './support/ui';

const DISTRICT = '230108';
const XINGJIAN = '230108001';
const QINGNIAN = '230108001002';

const run = promisify(execFile);

interface CockpitJson {
  node: { code: string | null; name: string };
  values: Record<string, number | null>;
  children: { code: string; name: string; kind: string }[];
}

describeInBrowser(
  'cockpit: a district admin drills down the map and exports; a grid worker sees only their grid',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let shot: (name: string) => Promise<void>;
    let admin: ApiClient;
    let worker = { username: '', password: '', grid: '' };
    const pageErrors: string[] = [];
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-cockpit-e2e-'));

    /** `lianxin …` on the running server's database (as an operator at its console). */
    const lianxin = async (...args: string[]) =>
      (
        await run(process.execPath, [path.join(repoRoot, 'bin/lianxin.mjs'), ...args], {
          cwd: repoRoot,
          env: { PATH: process.env.PATH, LIANXIN_DATA_DIR: server.dataDir, DATABASE_URL: '' },
          maxBuffer: 10 * 1024 * 1024,
        })
      ).stdout;

    /**
     * Work orders all over the district (more in 兴建街道, in every grid there): most closed and
     * called back, some left open; verdicts vary from street to street, so the map has colors.
     */
    async function orders(): Promise<void> {
      const children = async (code: string) =>
        (await admin.json<{ items: { code: string }[] }>('GET', `/api/regions/${code}/children`)).items;
      const verdicts = ['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied', 'satisfied'];
      let n = 0;
      const order = async (grid: string, skew: number) => {
        n += 1;
        const { id } = await admin.json<{ id: string }>('POST', '/api/work-orders', {
          categoryCode: n % 2 ? 'livelihood.repair' : 'environment.corridor',
          description: '楼道灯不亮，居民夜间出行不便',
          channel: 'hotline',
          regionCode: grid,
          contactName: '居民',
        });
        const act = (body: Record<string, unknown>) =>
          admin.json('POST', `/api/work-orders/${id}/actions`, body);
        if (n % 4 === 0) return; // left with the community, open
        await act({ action: 'dispatch', targetRegionCode: grid });
        if (n % 5 === 0) return; // at the grid, not yet signed
        await act({ action: 'sign' });
        await act({ action: 'resolve', note: '已更换灯泡' });
        await act({ action: 'review', approve: true });
        const satisfaction = verdicts[(n * 7 + skew) % verdicts.length]!;
        await act({
          action: 'callback',
          satisfaction,
          ...(satisfaction === 'unsatisfied' ? { note: '灯又坏了' } : {}),
        });
      };
      for (const [s, street] of (await children(DISTRICT)).entries()) {
        for (const [c, community] of (await children(street.code)).entries()) {
          const grids = await children(community.code);
          const where = street.code === XINGJIAN ? grids : grids.slice(0, 1);
          for (const grid of where) for (let i = 0; i < 1 + ((s + c) % 3); i++) await order(grid.code, s + c);
        }
      }
    }

    beforeAll(async () => {
      server = await startServer();
      // The demo district (regions, residents, organizations, accounts), its outlines and counters.
      const demo = await lianxin('demo', '--scale', 'small');
      // The demo prints each account as `username  password  (role @ region)`.
      const account = /^\s*(\S+)\s+(\S+)\s+\(grid_worker @ (\d+)\)/m.exec(demo);
      if (!account) throw new Error(`The demo printed no grid worker account:\n${demo}`);
      const [, username, password, grid] = account as unknown as [string, string, string, string];
      worker = { username, password, grid };
      await lianxin('regions', 'boundaries', '--demo', DISTRICT);
      admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
      await orders();
      await lianxin('rollups', 'rebuild');

      browser = await launchBrowser();
      page = await openPage(browser, server.baseUrl, pageErrors, { context: { acceptDownloads: true } });
      shot = screenshotRecorder(page, 'cockpit-');
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    const text = (target: Parameters<typeof visibleText>[1]) => visibleText(page, target);
    const cockpitOf = (region: string) =>
      admin.json<CockpitJson>('GET', `/api/cockpit?region=${region}&months=12`);

    /** Waits until the page shows the cockpit of a place (the URL changes before the page does). */
    const titleIs = async (name: string) => {
      await page
        .getByTestId('cockpit-title')
        .filter({ hasText: `${name} 服务驾驶舱` })
        .waitFor();
      expect(await text('cockpit-title')).toBe(`${name} 服务驾驶舱`);
    };

    /** Clicks a region on the map where its label is drawn, as a person would. */
    async function clickOnMap(code: string): Promise<void> {
      const map = page.getByTestId('cockpit-map');
      await expect
        .poll(async () => JSON.parse((await map.getAttribute('data-centers')) ?? '{}')[code], {
          timeout: 10_000,
        })
        .toBeDefined();
      const centers = JSON.parse((await map.getAttribute('data-centers')) ?? '{}') as Record<
        string,
        [number, number]
      >;
      // The map is below the cards: in view first, or the click lands outside the window.
      await map.scrollIntoViewIfNeeded();
      const box = (await map.boundingBox())!;
      const [x, y] = centers[code]!;
      await page.mouse.click(box.x + x, box.y + y);
    }

    it('opens the district cockpit for the admin, with the figures of the counters', async () => {
      await page.goto('/');
      await logIn(page, 'admin', server.adminPassword);
      await page.waitForURL('**/cockpit');
      await titleIs('平房区');
      const district = await cockpitOf(DISTRICT);
      expect(district.values.wo_received).toBeGreaterThan(0);
      expect(await text('cockpit-kpi-wo_received')).toContain(String(district.values.wo_received));
      expect(await text('cockpit-kpi-residents')).toContain(
        district.values.residents!.toLocaleString('en-US'),
      );
      expect(await text('cockpit-kpi-wo_satisfaction_rate')).toContain(
        `${district.values.wo_satisfaction_rate}%`,
      );
      await page.getByTestId('cockpit-map').waitFor();
      await page.getByTestId('cockpit-trend').waitFor();
      await shot('district');
    });

    it('drills down street → community → grid by clicking the map, and back up by the breadcrumb', async () => {
      await clickOnMap(XINGJIAN);
      await page.waitForURL(`**/cockpit?region=${XINGJIAN}`);
      await titleIs('兴建街道');
      await page.getByTestId(`cockpit-child-${QINGNIAN}`).waitFor();
      await shot('street');

      await clickOnMap(QINGNIAN);
      await page.waitForURL(`**/cockpit?region=${QINGNIAN}`);
      await titleIs('青年社区');
      const community = await cockpitOf(QINGNIAN);
      expect(await text('cockpit-kpi-wo_received')).toContain(String(community.values.wo_received));
      await shot('community');

      // Colored by another indicator, the map and the ranking follow.
      await page.getByTestId('cockpit-kpi-wo_closed').click();
      await page.waitForURL('**indicator=wo_closed**');

      await clickOnMap(worker.grid);
      await page.waitForURL(`**region=${worker.grid}**`);
      const grid = community.children.find((c) => c.code === worker.grid)!;
      await titleIs(grid.name);
      expect(await text(page.locator('.ant-breadcrumb'))).toContain('青年社区');
      await shot('grid');

      await page.getByTestId(`cockpit-crumb-${XINGJIAN}`).click();
      await titleIs('兴建街道');
      expect(new URL(page.url()).searchParams.get('region')).toBe(XINGJIAN);
    });

    it('exports the tables to Excel', async () => {
      const street = await cockpitOf(XINGJIAN);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('cockpit-export-xlsx').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^兴建街道-\d{4}-\d{2}\.xlsx$/);
      const file = path.join(folder, 'cockpit.xlsx');
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标', '下级区域', '月度趋势', '超期工单']);
      const children = workbook.getWorksheet('下级区域')!;
      expect(children.rowCount).toBe(1 + street.children.length);
      const names = children.getColumn(1).values.slice(2);
      expect(names).toEqual(street.children.map((c) => c.name));
    });

    it('downloads the monthly report as a PDF with pages and Chinese text', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('cockpit-report-pdf').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^兴建街道-\d{4}-\d{2}\.pdf$/);
      const file = path.join(folder, 'report.pdf');
      await download.saveAs(file);
      const content = fs.readFileSync(file);
      expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      const parser = new PDFParse({ data: new Uint8Array(content) });
      const { text: pdfText, total } = await parser.getText();
      await parser.destroy();
      expect(total).toBeGreaterThanOrEqual(1);
      const flat = pdfText.replace(/\s+/g, '');
      expect(flat).toMatch(/兴建街道\d{4}年\d{1,2}月工作月报/);
      expect(flat).toContain('青年社区');
      expect(flat).toContain('群众满意率');
    });

    it("shows a grid worker only their grid's cockpit", async () => {
      await logOut(page);
      await logIn(page, worker.username, worker.password);
      await page.getByTestId('menu-cockpit').click();
      await page.waitForURL('**/cockpit');
      const own = await (await page.request.get('/api/cockpit')).json();
      expect(own.node.code).toBe(worker.grid);
      await titleIs(own.node.name);
      // Nothing above the grid: no breadcrumb, and the community's cockpit does not exist for them.
      expect(await page.locator('.ant-breadcrumb').count()).toBe(0);
      for (const child of own.children) expect(child.code.startsWith(worker.grid)).toBe(true);
      expect((await page.request.get(`/api/cockpit?region=${QINGNIAN}`)).status()).toBe(404);
      expect((await page.request.get(`/api/cockpit/report.pdf?region=${XINGJIAN}`)).status()).toBe(404);
      await page.getByTestId('cockpit-trend').waitFor();
      await shot('grid-worker');
      expect(pageErrors).toEqual([]);
    });
  },
);
