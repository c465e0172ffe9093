import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logIn, logOut, visibleText } from './support/ui';

/** A newcomer's first start: the demo district, its accounts, and the article's figures beside it. */
describeInBrowser('the first start opens to a living demo district', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors);
    shot = screenshotRecorder(page, 'demo-');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Accounts as the first start wrote them: `username<TAB>password`, the resident's `phone:…`. */
  function credentials(): Map<string, string> {
    const file = path.join(server.dataDir, 'initial-credentials.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    return new Map(lines.map((line) => line.split('\t') as [string, string]));
  }

  it('writes one account per role, the resident’s with a phone number instead of a password', () => {
    const accounts = credentials();
    for (const username of [
      'district_admin',
      'street_secretary',
      'community_secretary',
      'grid_worker',
      'hotline_operator',
      'member',
      'auditor',
      'guarantee_officer',
      'bank_officer',
    ])
      expect(accounts.get(username)?.length ?? 0, username).toBeGreaterThanOrEqual(12);
    expect(accounts.get('resident')).toMatch(/^phone:1\d{10}$/);
    expect(server.output()).toContain('演示区已生成');
  });

  it('shows the district admin the article’s figures next to the platform’s', async () => {
    await page.goto('/login');
    await logIn(page, 'district_admin', credentials().get('district_admin')!);
    // Admins land on the cockpit: the demo's rows are counted there too.
    await page.waitForURL('**/cockpit');
    await page.getByTestId('cockpit-map').waitFor();
    expect(await visibleText(page, 'cockpit-kpi-wo_received')).toMatch(/[1-9]/);
    await shot('cockpit');
    await page.getByTestId('menu-article').click();
    await page.getByTestId('article-table').waitFor();
    expect(await visibleText(page, 'article-platform-hotlines')).toBe('36');
    const warmGroups = Number((await visibleText(page, 'article-platform-warm_groups')).replace(/,/g, ''));
    expect(warmGroups).toBeGreaterThan(50);
    await shot('article');
    expect(pageErrors).toEqual([]);
  });

  it('keeps the article page to those who see a whole district', async () => {
    await logOut(page);
    await logIn(page, 'community_secretary', credentials().get('community_secretary')!);
    await page.getByTestId('menu-coverage').waitFor();
    expect(await page.getByTestId('menu-article').count()).toBe(0);
    expect(await page.getByTestId('menu-coverage').isVisible()).toBe(true);
  });
});
