import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logIn, visibleText } from './support/ui';

const QINGNIAN = '230108001002';
const GRID_NAME = '青年一网格';
const PHONE = '13912345678';
const DESCRIPTION = '3号楼2单元楼道水管漏水，地面结冰，老人出行很危险';
const RESOLUTION = '已联系物业更换漏水管段，楼道地面已清理干净';

describeInBrowser('resident portal on a phone: sign in, report, follow, rate', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  let gridCode = '';
  let orderId = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    gridCode = (
      await admin.json<{ code: string }>('POST', `/api/regions/${QINGNIAN}/children`, {
        kind: 'grid',
        name: GRID_NAME,
      })
    ).code;
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors, {
      context: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    });
    shot = screenshotRecorder(page, 'portal-', docsScreenshotsDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The sign-in code as the console SMS provider printed it: `[sms] 139****5678 【连心】…验证码为 123456`. */
  async function codeFromServerOutput(): Promise<string> {
    const masked = `${PHONE.slice(0, 3)}\\*{4}${PHONE.slice(7)}`;
    const pattern = new RegExp(`\\[sms\\] ${masked} 【连心】您的登录验证码为 (\\d{6})`, 'g');
    for (let i = 0; i < 100; i++) {
      const codes = [...server.output().matchAll(pattern)].map((match) => match[1]!);
      if (codes.length > 0) return codes.at(-1)!;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`No sign-in code was printed within 20 s:\n${server.output()}`);
  }

  /** A photo of the problem, drawn by the browser (a wall, a pipe, dripping water) as a JPEG. */
  async function drawnPhoto(): Promise<Buffer> {
    const dataUrl = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#d9d4c7';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#8a8f96';
      g.fillRect(0, 150, 640, 44);
      g.fillStyle = '#5b6470';
      g.fillRect(300, 140, 40, 64);
      g.fillStyle = '#3b82c4';
      for (let i = 0; i < 7; i++) {
        g.beginPath();
        g.ellipse(320 + (i % 2) * 8, 230 + i * 32, 7, 11, 0, 0, Math.PI * 2);
        g.fill();
      }
      g.fillStyle = 'rgba(59,130,196,0.35)';
      g.beginPath();
      g.ellipse(320, 450, 180, 26, 0, 0, Math.PI * 2);
      g.fill();
      return canvas.toDataURL('image/jpeg', 0.85);
    });
    return Buffer.from(dataUrl.split(',')[1]!, 'base64');
  }

  /** Picks an option of an antd select by its text. */
  async function choose(testId: string, search: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    if (search) await page.keyboard.type(search);
    await page.locator(`.ant-select-item-option[title="${option}"]`).click();
  }

  it('signs a resident in with a code from the SMS', async () => {
    await page.goto('/m');
    await page.waitForURL('**/m/login');
    await page.getByTestId('portal-login').waitFor();
    await shot('login');

    // A wrong number is caught before anything is sent.
    await page.getByTestId('portal-phone').fill('1391234');
    await page.getByTestId('portal-send-code').click();
    await page.getByText('请输入正确的 11 位手机号').waitFor();

    await page.getByTestId('portal-phone').fill(PHONE);
    await page.getByTestId('portal-send-code').click();
    expect(await visibleText(page, 'portal-code-sent')).toContain('139****5678');
    expect(await visibleText(page, 'portal-send-code')).toMatch(/\d+ 秒后重发/);
    const code = await codeFromServerOutput();
    await page.getByTestId('portal-code').fill(code);
    await shot('code');
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL((url) => url.pathname === '/m');
    expect(await visibleText(page, 'portal-greeting')).toBe('您好，139****5678');
    await page.getByText('您还没有提交过诉求').waitFor();
    await shot('home-empty');
  });

  it('submits a request with a category, a place and a photo', async () => {
    await page.getByTestId('portal-new').click();
    await page.waitForURL('**/m/new');
    await choose('portal-category', '维修', '房屋维修');
    await page.getByTestId('portal-description').fill(DESCRIPTION);
    await choose('portal-place-0', '', '兴建街道');
    await choose('portal-place-1', '青年', '青年社区');
    await choose('portal-place-2', '', GRID_NAME);
    await page.getByTestId('portal-address').fill('3号楼2单元');
    await page
      .getByTestId('portal-photos')
      .locator('input[type=file]')
      .setInputFiles({ name: '楼道漏水.jpg', mimeType: 'image/jpeg', buffer: await drawnPhoto() });
    await page.locator('.ant-upload-list-item-container').first().waitFor();
    // Before sending, the form says what will be public; the description is not, unless ticked.
    expect(await visibleText(page, 'portal-public-notice')).toContain('问题描述默认不公开');
    expect(await page.getByTestId('portal-publish-description').isChecked()).toBe(false);
    await shot('new-request');

    await page.getByTestId('portal-submit').click();
    await page.waitForURL('**/m/requests/**');
    orderId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await visibleText(page, 'portal-submitted')).toMatch(/提交成功，工单号 \d{6}-\d{8}-\d{4}/);
    expect(await visibleText(page, 'portal-stage')).toBe('已受理');
    expect(await visibleText(page, 'portal-public-description')).toBe('问题描述未公开。');
    expect(await visibleText(page, 'portal-request-summary')).toMatch(/预计办结：?\s*\d{4}-\d{2}-\d{2} 前/);
    await page.getByTestId('portal-request-photos').locator('img').first().waitFor();
    await shot('submitted');

    const staffView = await admin.json<{
      channel: string;
      regionCode: string;
      contactPhone: string;
      attachments: unknown[];
    }>('GET', `/api/work-orders/${orderId}`);
    expect(staffView).toMatchObject({
      channel: 'portal',
      regionCode: gridCode,
      contactPhone: '139****5678',
    });
    expect(staffView.attachments).toHaveLength(1);
  });

  it('shows staff the resident as 居民（masked phone） and the next step as 确认受理, not 受理', async () => {
    const staff = await openPage(browser, server.baseUrl, pageErrors);
    try {
      await staff.goto('/login');
      await logIn(staff, 'admin', server.adminPassword);
      await staff.waitForURL((url) => !url.pathname.startsWith('/login'));
      await staff.goto(`/work-orders/${orderId}`);
      const received = staff.getByTestId('timeline-receive');
      await received.waitFor();
      expect(await visibleText(staff, received)).toContain('居民（139****5678）');
      expect(await visibleText(staff, received)).not.toContain('resident:');
      expect(await visibleText(staff, 'action-accept')).toBe('确认受理');
    } finally {
      await staff.context().close();
    }
  });

  it('shows the request move as the office handles it', async () => {
    await admin.json('POST', `/api/work-orders/${orderId}/actions`, {
      action: 'dispatch',
      targetRegionCode: gridCode,
    });
    await admin.json('POST', `/api/work-orders/${orderId}/actions`, { action: 'sign' });
    await page.reload();
    expect(await visibleText(page, 'portal-stage')).toBe('办理中');
    expect(await page.getByTestId('portal-submitted').count()).toBe(0); // said once, not after a reload
    expect(await visibleText(page, 'portal-step-dispatched')).toContain(`已转交${GRID_NAME}办理`);
    await page.getByTestId('portal-step-signed').waitFor();
    await shot('in-progress');

    await admin.json('POST', `/api/work-orders/${orderId}/actions`, {
      action: 'resolve',
      note: RESOLUTION,
    });
    await admin.json('POST', `/api/work-orders/${orderId}/actions`, { action: 'review', approve: true });
    await page.reload();
    expect(await visibleText(page, 'portal-stage')).toBe('待评价');
    expect(await visibleText(page, 'portal-resolution')).toContain(RESOLUTION);
    await page.getByTestId('portal-rating').waitFor();
    await shot('closed');
  });

  it('lets the resident rate it, which archives it', async () => {
    // The comment is needed only when unsatisfied.
    await page.getByTestId('portal-satisfaction').getByText('不满意', { exact: true }).click();
    await page.getByTestId('portal-rate').click();
    await page.getByText('请说明不满意的原因，以便重新办理').waitFor();

    await page.getByTestId('portal-satisfaction').getByText('满意', { exact: true }).click();
    await page.getByTestId('portal-comment').fill('处理及时，师傅很负责，谢谢！');
    await shot('rating');
    await page.getByTestId('portal-rate').click();
    expect(await visibleText(page, 'portal-rated')).toBe('满意');
    expect(await visibleText(page, 'portal-stage')).toBe('已完成');
    expect(await visibleText(page, 'portal-step-rated')).toContain('评价：满意');
    // The thank-you toast covers the title bar; let it go before the picture.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await shot('rated');

    await page.getByTestId('portal-back').click();
    await page.waitForURL((url) => url.pathname === '/m');
    const card = page.locator(`[data-testid^="portal-request-"]`).first();
    expect(await visibleText(page, card)).toContain('已完成');
    await shot('list');

    const staffView = await admin.json<{ status: string; satisfaction: string }>(
      'GET',
      `/api/work-orders/${orderId}`,
    );
    expect(staffView).toMatchObject({ status: 'archived', satisfaction: 'satisfied' });
  });

  it('opens a portal deep link directly and keeps staff pages out of reach', async () => {
    await page.goto(`/m/requests/${orderId}`);
    expect(await visibleText(page, 'portal-stage')).toBe('已完成');
    const staff = await page.request.get('/api/work-orders');
    expect(staff.status()).toBe(401);

    // The resident's own data, as a file.
    await page.goto('/m');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('portal-export').click(),
    ]);
    const data = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as {
      account: { phone: string };
      requests: { description: string; satisfaction: string }[];
    };
    expect(data.account.phone).toBe(PHONE);
    expect(data.requests).toMatchObject([{ description: DESCRIPTION, satisfaction: 'satisfied' }]);
    expect(pageErrors).toEqual([]);
  });
});
