import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { residentRows, writeResidentXlsx } from '../src/server/fixtures/resident-rows';
import { type ApiClient, apiLogin, createRegion, createUser, waitForImport } from './support/api';
import { describeInBrowser, launchBrowser } from './support/browser';
import { docsScreenshotsDir } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logIn } from './support/ui';

const QINGNIAN = '230108001002';
const SECRETARY = {
  username: 'qn_sec_phone',
  displayName: '青年社区书记周敏',
  password: 'Review-Calls-2026!',
};
const WORKER = { username: 'qn_phone', displayName: '青年五网格网格员孙磊', password: 'Thumb-Reach-2026!' };

/** A 12-megapixel photo as a phone takes it: a JPEG carrying the GPS position where it was taken. */
async function cameraPhoto(file: string): Promise<void> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  // Gradients with a fine pattern: compresses like a photo, not like a flat colour.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width + ((x * y) % 7) * 3;
      pixels[i + 1] = (y * 255) / height + ((x + y) % 5) * 4;
      pixels[i + 2] = 128 + ((x ^ y) % 9) * 5;
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'P12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '45/1 36/1 3600/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '126/1 38/1 1800/100',
      },
    })
    .toFile(file);
}

/** Whether EXIF metadata (as sharp reads it) points to a GPS directory (tag 0x8825 in IFD0). */
function hasGpsPosition(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let entry = 0; entry < u16(ifd0); entry++) {
    if (u16(ifd0 + 2 + entry * 12) === 0x8825) return true;
  }
  return false;
}

/**
 * Issue 16: the staff app on a 360 × 740 phone as a grid worker — the phone home and its counts,
 * the work-order list as cards, an order and its resolve dialog with a camera photo (scaled down,
 * without its location), a resident search, a building, the drawer menu and the offline banner.
 * No page scrolls sideways.
 */
describeInBrowser('the grid worker’s phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-phone-e2e-'));
  const photo = path.join(folder, 'IMG_20261206_093000.jpg');
  let grid = '';
  let resident = { name: '', lastFour: '' };
  const orders = { toSign: '', toResolve: '', toResolveId: '' };

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    grid = await createRegion(admin, QINGNIAN, 'grid', '青年五网格');
    const building = await createRegion(admin, grid, 'building', '3号楼');
    await createRegion(admin, grid, 'building', '4号楼');
    await createUser(admin, SECRETARY, 'secretary', QINGNIAN);
    const workerId = await createUser(admin, WORKER, 'grid_worker', grid);

    // As real buildings stand: several rooms a floor (101–104 of unit 1), so the neighbour map
    // draws a unit wider than a phone's screen.
    const rooms = new Map<string, string>();
    const rows = [...residentRows({ count: 8, gridCode: grid, buildings: ['3号楼'], seed: 16 })].map(
      (row) => {
        const household = `${row[7]}-${row[8]}-${row[9]}`;
        if (!rooms.has(household)) rooms.set(household, `10${rooms.size + 1}`);
        const placed = [...row] as typeof row;
        placed[7] = '1';
        placed[8] = '1';
        placed[9] = rooms.get(household)!;
        return placed;
      },
    );
    const first = rows.find((row) => /^1\d{10}$/.test(String(row[3])))!;
    resident = { name: String(first[0]), lastFour: String(first[3]).slice(-4) };
    const xlsx = path.join(folder, 'residents.xlsx');
    await writeResidentXlsx(xlsx, rows);
    const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(xlsx), 'residents.xlsx');
    await waitForImport(admin, job.id);

    // Two orders given to the worker: one still to sign, one signed and to resolve.
    const secretary = await apiLogin(server.baseUrl, SECRETARY.username, SECRETARY.password);
    const worker = await apiLogin(server.baseUrl, WORKER.username, WORKER.password);
    const given: { id: string; number: string }[] = [];
    for (const description of ['3号楼楼道灯不亮，老人夜里下楼不便', '3号楼独居老人需要每天送餐上门']) {
      const order = await admin.json<{ id: string; number: string }>('POST', '/api/work-orders', {
        categoryCode: 'livelihood.elderly_care',
        description,
        channel: 'walk_in',
        regionCode: building,
        contactName: '王大爷',
        contactPhone: '13845671234',
        attributes: { care_need: ['meals'] },
      });
      await secretary.json('POST', `/api/work-orders/${order.id}/actions`, {
        action: 'dispatch',
        assigneeUserId: workerId,
      });
      given.push(order);
    }
    await worker.json('POST', `/api/work-orders/${given[1]!.id}/actions`, { action: 'sign' });
    orders.toSign = given[0]!.number;
    orders.toResolve = given[1]!.number;
    orders.toResolveId = given[1]!.id;
    await cameraPhoto(photo);

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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The page is no wider than the screen: nothing to scroll sideways. */
  async function expectNoSidewaysScroll(where: string): Promise<void> {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
    }));
    expect(
      scrollWidth,
      `${where} is ${scrollWidth} px wide on a ${innerWidth}-px screen`,
    ).toBeLessThanOrEqual(innerWidth);
  }

  async function shot(name: string): Promise<void> {
    fs.mkdirSync(docsScreenshotsDir, { recursive: true });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(docsScreenshotsDir, `phone-${name}.png`) });
  }

  it('lands on the phone home: what waits, a resident search, the grid’s buildings', async () => {
    await page.goto('/login');
    await logIn(page, WORKER.username, WORKER.password);
    await page.waitForURL('**/home');
    await page.getByTestId('waiting-toSign-count').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('waiting-toResolve-count').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('waiting-overdue-count').textContent()).toBe('0');
    expect(await page.getByTestId('waiting-reopened-count').textContent()).toBe('0');
    expect(await page.getByTestId('phone-buildings').textContent()).toContain('3号楼');
    expect(await page.getByTestId('sider').count()).toBe(0);
    await expectNoSidewaysScroll('the phone home');
    await shot('home');
  });

  it('opens and closes the menu as a drawer', async () => {
    await page.getByTestId('nav-open').click();
    const drawer = page.getByTestId('nav-drawer');
    await drawer.waitFor();
    await expectNoSidewaysScroll('the open drawer');
    await shot('menu');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('nav-open').click();
    await page.getByTestId('menu-phone-home').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('lists the orders to resolve as cards, from the count', async () => {
    await page.getByTestId('waiting-toResolve').click();
    await page.waitForURL((url) => url.search.includes('status=in_progress'));
    const list = page.getByTestId('work-orders-table');
    await list.getByTestId(`order-row-${orders.toResolve}`).waitFor();
    expect(await list.getAttribute('data-layout')).toBe('cards');
    expect(await list.getByTestId(`order-row-${orders.toSign}`).count()).toBe(0);
    await expectNoSidewaysScroll('the work-order list');
    await shot('work-orders');
  });

  it('resolves an order with a camera photo, scaled down and without its location', async () => {
    await page.getByTestId(`order-link-${orders.toResolve}`).click();
    await page.getByTestId('order-page').waitFor();
    await expectNoSidewaysScroll('the order');
    await shot('order');
    await page.getByTestId('action-resolve').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const input = dialog.locator('input[type=file]');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toBe('image/*');
    await dialog.getByTestId('action-note').fill('已为老人联系助餐点，每天中午送餐上门。');
    await input.setInputFiles(photo);
    await dialog.locator('.ant-upload-list-item-done').waitFor({ timeout: 30_000 });
    await expectNoSidewaysScroll('the resolve dialog');
    await shot('resolve');
    await dialog.getByRole('button', { name: /^办\s*结$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('order-status').filter({ hasText: '待审核' }).waitFor();

    const order = await admin.json<{ attachments: { id: string; size: number; mediaType: string }[] }>(
      'GET',
      `/api/work-orders/${orders.toResolveId}`,
    );
    expect(order.attachments).toHaveLength(1);
    const response = await fetch(`${server.baseUrl}/api/work-order-attachments/${order.attachments[0]!.id}`, {
      headers: { cookie: await sessionCookie() },
    });
    expect(response.status).toBe(200);
    const uploaded = Buffer.from(await response.arrayBuffer());
    const original = fs.statSync(photo).size;
    // The photo taken carried its position; the one uploaded carries no metadata at all.
    expect(hasGpsPosition((await sharp(photo).metadata()).exif)).toBe(true);
    const after = await sharp(uploaded).metadata();
    expect(after.format).toBe('jpeg');
    expect(Math.max(after.width ?? 0, after.height ?? 0)).toBe(2048);
    expect(hasGpsPosition(after.exif)).toBe(false);
    expect(after.exif).toBeUndefined();
    expect(uploaded.length).toBeLessThan(1024 * 1024);
    expect(uploaded.length).toBeLessThan(original / 2);
  });

  it('finds a resident by the last four digits of their phone', async () => {
    await page.goto('/home');
    await page.getByTestId('phone-search').locator('input').fill(resident.lastFour);
    const result = page.getByTestId('phone-search-result').filter({ hasText: resident.name }).first();
    await result.waitFor();
    await expectNoSidewaysScroll('the resident search');
    await shot('search');
    await result.click();
    await page.waitForURL('**/persons/*');
    await page.getByText(resident.name).first().waitFor();
    await expectNoSidewaysScroll('the resident’s page');
  });

  it('opens a building of the grid: its neighbour map fits the screen', async () => {
    await page.goto('/home');
    await page.getByTestId('phone-buildings').getByText('3号楼').click();
    await page.waitForURL((url) => /^\/regions\/\d{17}$/.test(url.pathname));
    await page.locator('main.ant-layout-content > *').first().waitFor();
    // Four rooms a floor: wider than the screen, the unit scrolls in its own box, not the page.
    await page.getByTestId('building-diagram').locator('[data-testid^="map-household-"]').nth(3).waitFor();
    await page.waitForTimeout(800);
    await expectNoSidewaysScroll('the building');
    await shot('building');
  });

  it('opens the grid’s page with its neighbour map of buildings', async () => {
    await page.goto(`/regions/${grid}`);
    await page.getByTestId('neighbour-map').getByTestId('map-buildings').waitFor();
    await page.waitForTimeout(800);
    await expectNoSidewaysScroll('the grid');
    await shot('grid');
  });

  it('says so when the network drops, and stops saying it when it returns', async () => {
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await shot('offline');
    await context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });

  it('lets the community secretary review the resolution and call the resident back on a phone', async () => {
    await context.clearCookies();
    await page.goto('/login');
    await logIn(page, SECRETARY.username, SECRETARY.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/work-orders/${orders.toResolveId}`);
    await page.getByTestId('order-status').filter({ hasText: '待审核' }).waitFor();
    await expectNoSidewaysScroll('the order to review');

    await page.getByTestId('action-review').click();
    const review = page.getByRole('dialog');
    await review.waitFor();
    await page.getByTestId('review-approve').click();
    await expectNoSidewaysScroll('the review dialog');
    await shot('review');
    await review.getByRole('button', { name: /^审\s*核$/ }).click();
    await review.waitFor({ state: 'hidden' });
    await page.getByTestId('order-status').filter({ hasText: '已办结' }).waitFor();

    await page.getByTestId('action-callback').click();
    const callback = page.getByRole('dialog');
    await callback.waitFor();
    await page.getByTestId('satisfaction-satisfied').click();
    await expectNoSidewaysScroll('the callback dialog');
    await shot('callback');
    await callback.getByRole('button', { name: /^回\s*访$/ }).click();
    await callback.waitFor({ state: 'hidden' });
    await page.getByTestId('order-status').filter({ hasText: '已归档' }).waitFor();
    await expectNoSidewaysScroll('the archived order');
    expect(pageErrors).toEqual([]);
  });

  /** The worker's session cookie of the browser, to read the upload as they may. */
  async function sessionCookie(): Promise<string> {
    const cookie = (await context.cookies()).find((c) => c.name === 'lianxin_session');
    return cookie ? `${cookie.name}=${cookie.value}` : '';
  }
});
