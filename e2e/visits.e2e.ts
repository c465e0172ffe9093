import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { residentRows, writeResidentXlsx } from '../src/server/fixtures/resident-rows';
import { type ApiClient, apiLogin, createRegion, createUser, waitForImport } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { logIn } from './support/ui';

const QINGNIAN = '230108001002';
const WORKER = { username: 'visitworker', displayName: '走访网格员', password: 'Gw-Round-2026-Kx' };

interface Page_<T> {
  items: T[];
}

describeInBrowser(
  'visits: a grid worker on a phone records a visit offline; it arrives once and its need becomes an order',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let admin: ApiClient;
    let grid = '';
    let campaign = '';
    const pageErrors: string[] = [];
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-visits-e2e-'));

    const coverageNow = async () =>
      (await admin.json<{ values: Record<string, number | null> }>('GET', `/api/cockpit?region=${grid}`))
        .values.visit_coverage ?? 0;
    const visitsOfCampaign = async () =>
      (
        await admin.json<Page_<{ id: string; needs: { workOrderId: string | null }[] }>>(
          'GET',
          `/api/visits?campaign=${campaign}`,
        )
      ).items;

    beforeAll(async () => {
      server = await startServer();
      admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
      grid = await createRegion(admin, QINGNIAN, 'grid', '走访网格');
      await createRegion(admin, grid, 'building', '1号楼');
      const file = path.join(folder, 'residents.xlsx');
      await writeResidentXlsx(
        file,
        residentRows({ count: 6, gridCode: grid, buildings: ['1号楼'], seed: 13 }),
      );
      const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
      await waitForImport(admin, job.id);
      await createUser(admin, WORKER, 'grid_worker', grid);
      // The campaign targets the grid; its households go to the grid's worker.
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const created = await admin.json<{ id: string; households: number }>('POST', '/api/visit-campaigns', {
        name: '网格大走访',
        regionCode: grid,
        startsOn: today,
        endsOn: `${today.slice(0, 4)}-12-31`,
        rule: 'every_household',
      });
      expect(created.households).toBeGreaterThan(0);
      campaign = created.id;
      browser = await launchBrowser();
      page = await openPage(browser, server.baseUrl, pageErrors, {
        context: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
      });
      context = page.context();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('keeps the visit typed offline as a draft and sends it once when the network returns', async () => {
      const before = await coverageNow();
      await page.goto('/login');
      await logIn(page, WORKER.username, WORKER.password);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto('/visits');
      await page.getByTestId('visit-target').first().waitFor();
      await page.getByTestId('visit-record').first().click();
      await page.getByTestId('visit-last').waitFor();
      // The network goes: the visit is typed anyway.
      await context.setOffline(true);
      await page.getByTestId('visit-outcome').getByText('见面', { exact: true }).click();
      await page.getByTestId('visit-notes').fill('老人独居，身体尚可，冬季取暖有困难');
      await page.getByTestId('visit-need-type').click();
      await page.locator('.ant-select-item-option', { hasText: '生活困难' }).click();
      await page.getByTestId('visit-need-description').fill('冬季取暖费用困难，需要救助');
      await page.getByTestId('visit-submit').click();
      await page.getByTestId('visit-drafts').waitFor();
      expect(await visitsOfCampaign()).toHaveLength(0);

      await context.setOffline(false);
      const banner = page.getByTestId('visit-drafts');
      try {
        await banner.waitFor({ state: 'detached', timeout: 5_000 });
      } catch {
        // The browser did not announce the network: the button sends what waits.
        await page.getByTestId('visit-drafts-send').click();
        await banner.waitFor({ state: 'detached' });
      }
      expect(await visitsOfCampaign()).toHaveLength(1);
      // A reload (which flushes again) sends nothing twice.
      await page.reload();
      await page.getByTestId('visit-target').first().waitFor();
      expect(await visitsOfCampaign()).toHaveLength(1);
      expect(await coverageNow()).toBeGreaterThan(before);
    }, 120_000);

    it('turns the need found into a work order from the visit log', async () => {
      await context.setOffline(false);
      await page.goto('/visits/log');
      await page.getByTestId('visit-need-to-order').first().click();
      const link = page.getByTestId('visit-need-order').first();
      await link.waitFor();
      const [visit] = await visitsOfCampaign();
      const orderId = visit!.needs[0]!.workOrderId;
      expect(orderId).not.toBeNull();
      const order = await admin.json<{ channel: string }>('GET', `/api/work-orders/${orderId}`);
      expect(order.channel).toBe('visit');
      const coverage = await admin.json<{ met: number; attempted: number }>(
        'GET',
        `/api/visit-campaigns/${campaign}/coverage`,
      );
      expect(coverage).toMatchObject({ met: 1, attempted: 1 });
      expect(pageErrors).toEqual([]);
    }, 60_000);
  },
);
