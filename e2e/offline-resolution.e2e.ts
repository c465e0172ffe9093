import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiLogin, createRegion, createUser } from './support/api';
import { describeInBrowser, launchBrowser } from './support/browser';
import { docsScreenshotsDir } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logIn } from './support/ui';

const QINGNIAN = '230108001002';
const SECRETARY = {
  username: 'qn_sec_offline',
  displayName: '青年社区书记林芳',
  password: 'Offline-Review-2026!',
};
const WORKER = { username: 'qn_offline', displayName: '青年六网格网格员赵刚', password: 'No-Signal-2026!' };

interface OrderView {
  status: string;
  resolution: string;
  events: { id: string; action: string }[];
  attachments: { id: string; eventId: string | null }[];
}

/** A request the browser made to an order: where, with which key, carrying what. */
interface SentStep {
  url: string;
  key: string | undefined;
  body: string | null;
}

/**
 * Issue 16: a grid worker on a 360 × 740 phone loses the network, resolves an order with a photo
 * anyway, sees the draft waiting (on the order and on the phone home), and when the network
 * returns the order is resolved once, with its photo; the same request sent again writes nothing.
 * A note typed offline can be discarded instead. The order's steps stay in a bar at the bottom.
 */
describeInBrowser('a resolution typed offline, sent once when the network returns', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const sent: SentStep[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-offline-e2e-'));
  const photo = path.join(folder, 'IMG_20261208_101500.jpg');
  const order = { id: '', number: '' };

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    const grid = await createRegion(admin, QINGNIAN, 'grid', '青年六网格');
    const building = await createRegion(admin, grid, 'building', '7号楼');
    await createUser(admin, SECRETARY, 'secretary', QINGNIAN);
    const workerId = await createUser(admin, WORKER, 'grid_worker', grid);
    const secretary = await apiLogin(server.baseUrl, SECRETARY.username, SECRETARY.password);
    const worker = await apiLogin(server.baseUrl, WORKER.username, WORKER.password);
    const created = await admin.json<{ id: string; number: string }>('POST', '/api/work-orders', {
      categoryCode: 'livelihood.elderly_care',
      description: '7号楼地下室漏水，老人家储物受潮，需要上门查看处理',
      channel: 'walk_in',
      regionCode: building,
      contactName: '李奶奶',
      contactPhone: '13845679876',
      attributes: { care_need: ['meals'] },
    });
    await secretary.json('POST', `/api/work-orders/${created.id}/actions`, {
      action: 'dispatch',
      assigneeUserId: workerId,
    });
    await worker.json('POST', `/api/work-orders/${created.id}/actions`, { action: 'sign' });
    Object.assign(order, created);
    // A photo as a camera takes it, bigger than what is uploaded (2048 px on its longest side).
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#6b8e23' } })
      .jpeg({ quality: 90 })
      .toFile(photo);

    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes(`/api/work-orders/${created.id}/`)) {
        sent.push({
          url: request.url(),
          key: request.headers()['idempotency-key'],
          body: request.postData(),
        });
      }
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const orderNow = () => admin.json<OrderView>('GET', `/api/work-orders/${order.id}`);

  async function shot(name: string): Promise<void> {
    fs.mkdirSync(docsScreenshotsDir, { recursive: true });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(docsScreenshotsDir, `phone-${name}.png`) });
  }

  async function expectNoSidewaysScroll(where: string): Promise<void> {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${where} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
  }

  /** Back online: the app sends what waits by itself; if the browser did not say so, the button does. */
  async function backOnline(): Promise<void> {
    await context.setOffline(false);
    const drafts = page.getByTestId('work-order-draft');
    try {
      await drafts.first().waitFor({ state: 'detached', timeout: 8_000 });
    } catch {
      await drafts.first().getByTestId('draft-send').click();
      await drafts.first().waitFor({ state: 'detached' });
    }
  }

  it('keeps the order’s steps in a bar at the bottom of the screen, clear of the content', async () => {
    await page.goto('/login');
    await logIn(page, WORKER.username, WORKER.password);
    await page.waitForURL('**/home');
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('order-page').waitFor();
    const bar = page.getByTestId('order-action-bar');
    await bar.getByTestId('action-resolve').waitFor();
    for (const action of ['resolve', 'return', 'extend', 'comment']) {
      expect(await bar.getByTestId(`action-${action}`).count(), action).toBe(1);
    }
    // At the top of a long page the bar sits on the screen's bottom edge, one thumb away.
    const atTop = (await bar.boundingBox())!;
    expect(atTop.y + atTop.height).toBeCloseTo(740, 0);
    expect(atTop.x).toBe(0);
    expect(atTop.width).toBe(360);
    await expectNoSidewaysScroll('the order with its action bar');
    await shot('action-bar');
    // At the end of the page it comes to rest below the last of the timeline, covering nothing.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(300);
    const atEnd = (await bar.boundingBox())!;
    const timeline = (await page.getByTestId('order-timeline').boundingBox())!;
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(atEnd.y);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('keeps a resolution with its photo typed offline as a draft, on the order and the phone home', async () => {
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('order-action-bar').getByTestId('action-resolve').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByTestId('action-note').fill('已请物业疏通地下室排水，储物已搬到干燥处。');
    await dialog.locator('input[type=file]').setInputFiles(photo);
    await dialog.locator('.ant-upload-list-item-done').waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toContain('照片先保存在手机上');
    await dialog.getByRole('button', { name: /^办\s*结$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const draft = page.getByTestId('work-order-draft');
    await draft.waitFor();
    expect(await draft.getAttribute('data-draft-action')).toBe('resolve');
    expect(await draft.textContent()).toContain(`待发送 · 办结 · ${order.number}`);
    expect(await draft.textContent()).toContain('1 张照片');
    expect(await page.getByTestId('order-action-bar').getByTestId('action-resolve').isDisabled()).toBe(true);
    await expectNoSidewaysScroll('the order with its draft');
    await shot('offline-draft');
    // Nothing reached the server, and nothing was even tried.
    expect(sent).toEqual([]);
    const before = await orderNow();
    expect(before.status).toBe('in_progress');
    expect(before.attachments).toEqual([]);

    // The phone home lists it too, linking back to the order (the app moves without the network).
    await page.getByTestId('nav-open').click();
    await page.getByTestId('menu-phone-home').click();
    const onHome = page.getByTestId('phone-drafts').getByTestId('work-order-draft');
    await onHome.waitFor();
    expect(await onHome.textContent()).toContain(order.number);
    await expectNoSidewaysScroll('the phone home with a draft');
    await onHome.getByRole('link').click();
    await page.getByTestId('order-page').waitFor();
    await page.getByTestId('work-order-draft').waitFor();
  });

  it('sends it once when the network returns: one resolution, one photo, one request per key', async () => {
    await backOnline();
    await page.getByTestId('order-status').filter({ hasText: '待审核' }).waitFor();
    const after = await orderNow();
    expect(after.status).toBe('pending_review');
    expect(after.resolution).toBe('已请物业疏通地下室排水，储物已搬到干燥处。');
    const resolutions = after.events.filter((event) => event.action === 'resolve');
    expect(resolutions).toHaveLength(1);
    expect(after.attachments).toHaveLength(1);
    expect(after.attachments[0]!.eventId).toBe(resolutions[0]!.id);
    // The photo that waited on the phone was the scaled-down one.
    const file = await fetch(`${server.baseUrl}/api/work-order-attachments/${after.attachments[0]!.id}`, {
      headers: { cookie: await sessionCookie() },
    });
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(2048);

    // Every request carried a key; the step went once and its photo once.
    const steps = sent.filter((s) => s.url.endsWith('/actions'));
    const uploads = sent.filter((s) => s.url.endsWith('/attachments'));
    expect(steps).toHaveLength(1);
    expect(uploads).toHaveLength(1);
    expect(steps[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(uploads[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(keysStored()).toEqual([
      { operation: 'workorder.action', request_key: steps[0]!.key },
      { operation: 'workorder.attachment', request_key: uploads[0]!.key },
    ]);

    // The same request again (a retry whose answer was lost) answers the order and writes nothing.
    const again = await fetch(steps[0]!.url, {
      method: 'POST',
      headers: {
        cookie: await sessionCookie(),
        'content-type': 'application/json',
        'idempotency-key': steps[0]!.key!,
      },
      body: steps[0]!.body,
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe('pending_review');
    const replayed = await orderNow();
    expect(replayed.events.filter((event) => event.action === 'resolve')).toHaveLength(1);
    expect(replayed.events).toHaveLength(after.events.length);

    // A reload sends nothing more: no draft is left.
    await page.reload();
    await page.getByTestId('order-page').waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId('work-order-draft').count()).toBe(0);
    expect(sent.filter((s) => s.url.endsWith('/actions'))).toHaveLength(1);
  });

  it('lets the worker discard a note typed offline: nothing is sent', async () => {
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('order-action-bar').getByTestId('action-comment').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-note').fill('李奶奶说地下室还有一处渗水，明天再去看。');
    await dialog.getByRole('button', { name: /^备\s*注$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const draft = page.getByTestId('work-order-draft');
    await draft.waitFor();
    expect(await draft.getAttribute('data-draft-action')).toBe('comment');
    await draft.getByTestId('draft-discard').click();
    await page.getByTestId('draft-discard-confirm').click();
    await draft.waitFor({ state: 'detached' });
    await context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'hidden' });
    await page.waitForTimeout(1_500);
    expect((await orderNow()).events.filter((event) => event.action === 'comment')).toHaveLength(0);
    expect(pageErrors).toEqual([]);
  });

  /** The idempotency keys the server holds, read from its database (the server one request per key). */
  function keysStored(): { operation: string; request_key: string | undefined }[] {
    const db = new Database(path.join(server.dataDir, 'lianxin.db'), { readonly: true });
    try {
      return db.prepare('SELECT operation, request_key FROM idempotency_keys ORDER BY operation').all() as {
        operation: string;
        request_key: string;
      }[];
    } finally {
      db.close();
    }
  }

  /** The worker's session cookie of the browser, to call the API as they do. */
  async function sessionCookie(): Promise<string> {
    const cookie = (await context.cookies()).find((c) => c.name === 'lianxin_session');
    return cookie ? `${cookie.name}=${cookie.value}` : '';
  }
});
