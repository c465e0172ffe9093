import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumber, type ResidentCells, seededRandom } from '../src/server/fixtures/resident-rows';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { portalSignIn } from './support/portal';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { visibleText } from './support/ui';
import { createGrid, importResidents } from './support/work-orders';

/** An elderly man living alone, in the register with his mobile number: elder mode is offered to him. */
const ELDER = { name: '赵德明', phone: '13945670070' };
const DESCRIPTION = '厨房水管漏水，地上都是水';
const RESOLUTION = '物业师傅已更换厨房水管接头';

describeInBrowser('portal elder mode (长辈模式) on a 360-px phone: switch, report, rate', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: ReturnType<typeof screenshotRecorder>;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-elder-e2e-'));
  let grid = '';
  let orderId = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    grid = await createGrid(admin);
    const elder: ResidentCells = [
      ELDER.name,
      idNumber(seededRandom(70), { birthYear: 1948, gender: 'male' }),
      '男',
      ELDER.phone,
      '汉族',
      grid,
      '1号楼',
      '2',
      '1',
      '102',
      '户主',
      '独居老人',
      '黑龙江省哈尔滨市平房区',
      '',
    ];
    await importResidents(admin, folder, [elder]);
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors, {
      context: {
        viewport: { width: 360, height: 780 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    });
    shot = screenshotRecorder(page, 'portal-elder-', docsScreenshotsDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const mode = () => page.locator('[data-elder-mode]').first().getAttribute('data-elder-mode');
  const fontSize = (testId: string) =>
    page.getByTestId(testId).evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;

  it('labels the sign-in code for the phone to fill it in (one-time-code, numeric)', async () => {
    await page.goto('/m/login');
    const code = page.getByLabel('验证码');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await page.getByLabel('手机号').getAttribute('data-testid')).toBe('portal-phone');
  });

  it('offers elder mode once to a resident the register tags 独居老人, and shows the standard home when declined', async () => {
    await portalSignIn(page, server, ELDER.phone);
    const offer = page.getByTestId('elder-suggestion-no');
    await offer.waitFor();
    // The answer is a bare yes/no: nothing of why reaches the phone.
    const me = (await (await page.request.get('/api/portal/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ suggestElderMode: true, elderMode: null });
    expect(JSON.stringify(me)).not.toMatch(/独居|1948|age|tag/);
    await shot('offer', { fullPage: false });
    await offer.click();
    await offer.waitFor({ state: 'detached' });
    expect(await mode()).toBe('off');
    await page.getByTestId('portal-home').waitFor();
    expect(await visibleText(page, 'elder-toggle')).toContain('长辈模式');
    await page.waitForTimeout(400);
    await page.screenshot({
      path: path.join(docsScreenshotsDir, 'portal-standard-home.png'),
      fullPage: true,
    });

    // Declined: remembered on the account, not offered again after a reload.
    await page.reload();
    await page.getByTestId('portal-home').waitFor();
    expect(await page.getByTestId('elder-suggestion-no').count()).toBe(0);
  });

  it('switches to elder mode with one tap: large type, big targets, three tasks', async () => {
    const standardType = await fontSize('portal-greeting');
    await page.getByTestId('elder-toggle').click();
    await page.getByTestId('elder-home').waitFor();
    expect(await mode()).toBe('on');
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-checked')).toBe('true');
    expect(await fontSize('portal-greeting')).toBeGreaterThan(standardType);
    expect(await visibleText(page, 'portal-greeting')).toBe(`${ELDER.name}，您好`);
    for (const [task, word] of [
      ['elder-report', '我要反映'],
      ['elder-mine', '我的诉求'],
      ['elder-rate', '评价'],
    ] as const) {
      expect(await visibleText(page, task)).toContain(word);
      const { width, height } = await box(task);
      expect(height).toBeGreaterThanOrEqual(48);
      expect(width).toBeGreaterThan(300);
    }
    const toggle = await box('elder-toggle');
    expect(toggle.height).toBeGreaterThanOrEqual(48);
    // One task per screen: no tab bar of other sections.
    expect(await page.getByTestId('portal-nav').count()).toBe(0);
    await shot('home');

    // Remembered on the phone and on the account.
    expect(await page.evaluate(() => localStorage.getItem('lianxin.portal.elderMode'))).toBe('1');
    const me = (await (await page.request.get('/api/portal/me')).json()) as { elderMode: boolean };
    expect(me.elderMode).toBe(true);
    await page.reload();
    await page.getByTestId('elder-home').waitFor();
  });

  it('reports a problem one question per screen', async () => {
    await page.getByTestId('elder-report').click();
    await page.getByTestId('elder-new-page').waitFor();
    expect(await visibleText(page, 'elder-step-title')).toBe('遇到了什么事？');
    await shot('report-what');
    // A kind of problem without further questions: one tap moves on.
    await page.getByRole('button', { name: '房屋维修' }).click();
    await page.getByTestId('elder-step-title').filter({ hasText: '说说情况' }).waitFor();
    expect(await visibleText(page, 'elder-step')).toBe('第 2 步，共 4 步');
    // Too short: said on the field, and the step stays.
    await page.getByTestId('portal-description').fill('漏水');
    await page.getByTestId('elder-next').click();
    await page.getByText('请至少用 5 个字描述问题').waitFor();
    await page.getByTestId('portal-description').fill(DESCRIPTION);
    await shot('report-tell');
    await page.getByTestId('elder-next').click();
    // The resident's own grid is already filled in.
    await page.getByTestId('elder-step-title').filter({ hasText: '在哪里？' }).waitFor();
    expect(await visibleText(page, 'portal-place')).toContain('青年三网格');
    await page.getByTestId('portal-address').fill('1号楼2单元102');
    await page.getByTestId('elder-next').click();
    await page.getByTestId('elder-step-title').filter({ hasText: '拍张照片' }).waitFor();
    expect(await visibleText(page, 'portal-public-notice')).toContain('写的情况都不公开');
    await shot('report-send');
    await page.getByTestId('portal-submit').click();
    await page.waitForURL('**/m/requests/**');
    orderId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await visibleText(page, 'portal-submitted')).toMatch(/提交成功，工单号 \d{6}-\d{8}-\d{4}/);
    expect(await visibleText(page, 'portal-stage')).toBe('已受理');
    await shot('submitted');

    const staffView = await admin.json<{ channel: string; regionCode: string; description: string }>(
      'GET',
      `/api/work-orders/${orderId}`,
    );
    expect(staffView).toMatchObject({ channel: 'portal', regionCode: grid, description: DESCRIPTION });
  });

  it('rates the request once the office closed it', async () => {
    for (const body of [
      { action: 'dispatch', targetRegionCode: grid },
      { action: 'sign' },
      { action: 'resolve', note: RESOLUTION },
      { action: 'review', approve: true },
    ]) {
      await admin.json('POST', `/api/work-orders/${orderId}/actions`, body);
    }
    await page.getByTestId('portal-back').click();
    await page.getByTestId('elder-home').waitFor();
    await page.getByTestId('elder-rate').filter({ hasText: '有 1 件等您评价' }).waitFor();
    await page.getByTestId('elder-rate').click();
    await page.getByTestId('elder-rate-page').waitFor();
    await shot('rate-list');
    await page.locator('[data-testid^="elder-request-"]').first().click();
    await page.getByTestId('portal-rating').waitFor();
    expect(await visibleText(page, 'portal-resolution')).toContain(RESOLUTION);
    await page.getByTestId('portal-satisfaction').getByText('满意', { exact: true }).click();
    await shot('rating');
    await page.getByTestId('portal-rate').click();
    expect(await visibleText(page, 'portal-rated')).toBe('满意');
    expect(await visibleText(page, 'portal-stage')).toBe('已完成');

    const staffView = await admin.json<{ status: string; satisfaction: string }>(
      'GET',
      `/api/work-orders/${orderId}`,
    );
    expect(staffView).toMatchObject({ status: 'archived', satisfaction: 'satisfied' });

    // Nothing left to rate; 我的诉求 says where it stands in words.
    await page.goto('/m/rate');
    await page.getByTestId('elder-empty').waitFor();
    await page.goto('/m/mine');
    await page.getByTestId('elder-mine-page').waitFor();
    expect(await visibleText(page, page.locator('[data-testid^="elder-request-"]').first())).toContain(
      '已完成',
    );
    await shot('mine');
  });

  it('switches back to the standard portal with the same tap', async () => {
    await page.goto('/m');
    await page.getByTestId('elder-toggle').click();
    await page.getByTestId('portal-home').waitFor();
    expect(await mode()).toBe('off');
    await page.getByTestId('portal-nav').waitFor();
    expect(pageErrors).toEqual([]);
  });

  // Every page visited is checked by axe: here the portal in English, in both modes (issue 17).
  it('speaks English in both modes, and tells screen readers the page is in English', async () => {
    const visit = async (route: string) => {
      await page.goto(route);
      await page.locator('[data-elder-mode]').first().waitFor();
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    };
    await page.evaluate(() => localStorage.setItem('lianxin.language', 'en'));
    for (const route of ['/m', '/m/new', '/m/volunteering', '/m/timebank', '/m/training', '/m/surveys'])
      await visit(route);
    expect(await mode()).toBe('off');
    await page.goto('/m');
    await page.getByTestId('elder-toggle').click();
    await page.getByTestId('elder-home').waitFor();
    for (const route of ['/m', '/m/new', '/m/mine', '/m/rate']) await visit(route);
    expect(await mode()).toBe('on');
    await page.goto('/m');
    await page.getByTestId('elder-toggle').click();
    await page.getByTestId('portal-nav').waitFor();
    await page.evaluate(() => localStorage.setItem('lianxin.language', 'zh'));
    expect(pageErrors).toEqual([]);
  });
});
