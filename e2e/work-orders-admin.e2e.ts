import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { fillDate, pickMember } from './support/ui';
import {
  addPartyMember,
  BRANCH,
  createGrid,
  DISTRICT,
  HOTLINE,
  importResidents,
  neighbourRows,
  orderPages,
  spaced,
} from './support/work-orders';

// The administrator's side of work orders: the catalogue, the working-day calendar, the hotlines
// and the ledger of good deeds (the order's own flow is in work-orders.e2e.ts).

const DEED = '帮独居老人王秀英买菜送饭';

/** The day before today on the district's clock, as YYYY-MM-DD. */
function beijingYesterday(): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000 - 86_400_000);
  return beijing.toISOString().slice(0, 10);
}

describeInBrowser(
  "work orders: the administrator's catalogue, calendar, hotlines and deeds in the browser",
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let shot: ReturnType<typeof screenshotRecorder>;
    let admin: ApiClient;
    const pageErrors: string[] = [];
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-work-orders-admin-e2e-'));
    let memberName = '';

    beforeAll(async () => {
      server = await startServer();
      admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
      const grid = await createGrid(admin);
      await importResidents(admin, folder, neighbourRows(grid));
      await admin.json('POST', '/api/hotlines', { ...HOTLINE, regionCode: DISTRICT });
      memberName = await addPartyMember(admin, grid);

      browser = await launchBrowser();
      page = await openPage(browser, server.baseUrl, pageErrors);
      shot = screenshotRecorder(page, 'work-orders-', docsScreenshotsDir);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    const { field, shown, dialog, option, signIn } = orderPages(() => page);

    it('shows the administrator the catalogue, the working-day calendar, the hotlines and the ledger of good deeds', async () => {
      await signIn({ username: 'admin', password: server.adminPassword });
      await page.getByTestId('menu-service-admin').click();
      await page.getByTestId('menu-categories').click();
      await shown('categories-page', '独居老人照料');
      await shot('admin-catalogue');
      await page
        .locator('tr', { has: page.getByTestId('category-row-livelihood.elderly_care') })
        .getByRole('button', { name: spaced('编辑') })
        .click();
      const editor = dialog('编辑“独居老人照料”');
      expect(await editor.getByTestId('attributes-editor').locator('input').first().inputValue()).toBe(
        'care_need',
      );
      await shot('admin-category-editor', { fullPage: false });
      await editor.getByRole('button', { name: spaced('取消') }).click();
      await editor.waitFor({ state: 'hidden' });
      await page.getByTestId('menu-calendar').click();
      await page.getByTestId('calendar-year').click();
      await option('2026').click();
      // The year at a glance: 14 February 2026 is a Saturday worked for the Spring Festival.
      const adjusted = page.getByTestId('calendar-day-2026-02-14');
      expect(await adjusted.textContent()).toBe('14 2026-02-14 春节调休上班');
      await shot('admin-calendar');
      await adjusted.click();
      const day = dialog('编辑 2026-02-14');
      expect(await day.getByTestId('calendar-name').inputValue()).toBe('春节调休上班');
      await day.getByRole('button', { name: spaced('取消') }).click();
      await day.waitFor({ state: 'hidden' });
      await page.getByTestId('calendar-view').getByText('列表').click();
      await shown('calendar-page', '春节调休上班');
      await page.getByTestId('menu-hotlines').click();
      await shown('hotlines-page', HOTLINE.number);
      await shot('admin-hotlines');

      await page.getByTestId('menu-deeds').click();
      await page.getByTestId('deed-new').click();
      const form = dialog('记录好事实事');
      await pickMember(page, page.getByTestId('deed-member'), memberName, BRANCH);
      await field('deed-title').fill(DEED);
      // Yesterday in Beijing: the server compares the day with its UTC date (reported).
      await fillDate(page, page.getByTestId('deed-done-on'), beijingYesterday());
      await form.getByRole('button', { name: spaced('保存') }).click();
      await form.waitFor({ state: 'hidden' });
      await shown('deeds-table', DEED);
      await shown('deeds-page', memberName);
      await shot('deeds');
      expect(pageErrors).toEqual([]);
    });
  },
);
