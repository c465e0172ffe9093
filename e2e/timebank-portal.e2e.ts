import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { residentRows, writeResidentXlsx } from '../src/server/fixtures/resident-rows';
import { type ApiClient, apiLogin, createRegion, waitForImport } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { visibleText } from './support/ui';

const QINGNIAN = '230108001002';
const ITEM = '爱心大米 5 公斤';

/**
 * 爱心银行 in the resident portal on a 360-px phone: a resident of the register signs in with an
 * SMS code, opens their time bank from the portal's home, sees their balance and latest
 * movements, orders from their community's love supermarket and gets the six-digit code, which
 * the clerk then checks off.
 */
describeInBrowser('time bank in the resident portal: balance, supermarket order, redemption code', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let phone = '';
  /** The walk's other screens, for review (test-artifacts/e2e/timebank-portal-NN-….png). */
  let shot: (name: string) => Promise<void>;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-tb-portal-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    // A resident of 青年社区 with a phone in the register: signing in with it links the portal to them.
    const grid = await createRegion(admin, QINGNIAN, 'grid', '青年四网格');
    await createRegion(admin, grid, 'building', '1号楼');
    const rows = [...residentRows({ count: 6, gridCode: grid, buildings: ['1号楼'], seed: 360 })];
    const file = path.join(folder, 'residents.xlsx');
    await writeResidentXlsx(file, rows);
    const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
    await waitForImport(admin, job.id);
    const resident = rows.find((row) => row[3])!;
    phone = resident[3]!;
    const person = (await admin.json<{ items: { id: string }[] }>('GET', `/api/persons?q=${resident[1]}`))
      .items[0]!;
    const account = await admin.json<{ id: string }>('POST', '/api/timebank/accounts', {
      ownerKind: 'person',
      ownerId: person.id,
    });
    // Hours of service credited from the community's volunteer team.
    const team = await admin.json<{ id: string }>('POST', '/api/organizations', {
      kind: 'volunteer_team',
      name: '青年社区志愿服务队',
      anchorRegionCode: QINGNIAN,
    });
    const teamAccount = await admin.json<{ id: string }>('POST', '/api/timebank/accounts', {
      ownerKind: 'organization',
      ownerId: team.id,
    });
    await admin.json('POST', '/api/timebank/transfers', {
      from: teamAccount.id,
      to: account.id,
      minutes: 120,
      memo: '重阳节敬老院志愿服务',
    });
    await admin.json('POST', '/api/timebank/items', {
      regionCode: QINGNIAN,
      name: ITEM,
      priceMinutes: 50,
      stock: 10,
    });
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors, {
      context: {
        viewport: { width: 360, height: 780 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    });
    shot = screenshotRecorder(page, 'timebank-portal-');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The sign-in code as the console SMS provider printed it. */
  async function codeFromServerOutput(): Promise<string> {
    const masked = `${phone.slice(0, 3)}\\*{4}${phone.slice(7)}`;
    const pattern = new RegExp(`\\[sms\\] ${masked} 【连心】您的登录验证码为 (\\d{6})`, 'g');
    for (let i = 0; i < 100; i++) {
      const codes = [...server.output().matchAll(pattern)].map((match) => match[1]!);
      if (codes.length > 0) return codes.at(-1)!;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`No sign-in code was printed within 20 s:\n${server.output()}`);
  }

  it('signs the resident in and shows their balance and latest movements', async () => {
    await page.goto('/m/login');
    await page.getByTestId('portal-phone').fill(phone);
    await page.getByTestId('portal-send-code').click();
    await page.getByTestId('portal-code').fill(await codeFromServerOutput());
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL((url) => url.pathname === '/m');
    await page.getByTestId('portal-timebank-entry').click();
    await page.waitForURL('**/m/timebank');
    expect(await visibleText(page, 'portal-tb-balance')).toBe('180');
    const ledger = await visibleText(page, 'portal-tb-ledger');
    expect(ledger).toContain('转账');
    expect(ledger).toContain('青年社区志愿服务队');
    expect(ledger).toContain('+120');
    expect(ledger).toContain('入行赠送');
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.waitForTimeout(400);
    fs.mkdirSync(docsScreenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(docsScreenshotsDir, 'portal-timebank.png'), fullPage: true });
  });

  it('orders an item from the love supermarket and gets a six-digit code the clerk checks off once', async () => {
    await page.getByTestId('portal-tb-market').click();
    await page.waitForURL('**/m/timebank/market');
    await page
      .getByTestId('portal-tb-item')
      .filter({ hasText: ITEM })
      .getByTestId('portal-tb-redeem')
      .click();
    const code = await visibleText(page, 'portal-tb-code');
    expect(code).toMatch(/^\d{6}$/);
    await shot('code');
    await page.getByTestId('portal-tb-code-close').click();
    expect(await visibleText(page, 'portal-tb-orders')).toContain('待领取');
    expect(await visibleText(page, 'portal-tb-market-balance')).toBe('130 分钟');

    const checked = await admin.json<{ itemName: string }>('POST', '/api/timebank/redemptions', { code });
    expect(checked.itemName).toBe(ITEM);
    await page.reload();
    await expect.poll(() => visibleText(page, 'portal-tb-orders')).toContain('已领取');
    await page.getByTestId('portal-back').click();
    await page.waitForURL('**/m/timebank');
    await expect.poll(() => visibleText(page, 'portal-tb-ledger')).toContain('爱心超市兑换');
    expect(pageErrors).toEqual([]);
  });

  it('posts a request on the community’s board, which the resident may withdraw', async () => {
    await page.getByTestId('portal-tb-board').click();
    await page.waitForURL('**/m/timebank/board');
    await page.getByTestId('portal-tb-new-post').click();
    await page.getByTestId('portal-tb-title').fill('帮忙换灯泡');
    await shot('new-post');
    await page.getByTestId('portal-tb-publish').click();
    const post = page.getByTestId('portal-tb-post').filter({ hasText: '帮忙换灯泡' });
    await post.waitFor();
    expect(await visibleText(page, post)).toContain('待接单');
    await post.getByTestId('portal-tb-cancel').waitFor();
    await shot('board');
    await post.getByTestId('portal-tb-cancel').click();
    await expect.poll(() => visibleText(page, post)).toContain('已取消');
    expect(pageErrors).toEqual([]);
  });
});
