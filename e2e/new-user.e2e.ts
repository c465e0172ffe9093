import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { declineElderOffer } from './support/portal';
import { docsScreenshotsDir } from './support/screenshots';
import { demoCredentials, type RunningServer, startServer } from './support/server';
import { logIn, logOut, visibleText } from './support/ui';

const HAN = /[\u4e00-\u9fff]/;

/**
 * Issue 12, items 15–19 and two "also seen": what a new user tripped over, walked again on the
 * demo district: where each role lands, what the pages ask the server on their own, the residents'
 * places, the work-order list's columns, the sidebar's scrolling and the English pages.
 */
describeInBrowser('a new user’s first walk through the demo district', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  /** API answers 4xx/5xx to requests the page made on its own, and every API path asked. */
  const failed: string[] = [];
  const asked: string[] = [];

  function watch(target: Page): void {
    target.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/')) return;
      asked.push(`${response.request().method()} ${url.pathname}`);
      if (response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
    });
  }
  function resetWatch(): void {
    failed.length = 0;
    asked.length = 0;
  }

  const credentials = (): Map<string, string> => demoCredentials(server);

  async function shot(target: Page, name: string): Promise<void> {
    fs.mkdirSync(docsScreenshotsDir, { recursive: true });
    await target.waitForTimeout(400);
    await target.screenshot({ path: path.join(docsScreenshotsDir, `${name}.png`) });
  }

  /**
   * Cells whose content is wider than the cell (text or tags running out of it), except those
   * cut on purpose: an ellipsis cell that shows its whole text on hover.
   */
  async function overflowingCells(table: Locator): Promise<string[]> {
    return table.evaluate((element) =>
      [...element.querySelectorAll('tbody td')]
        .filter((td) => td.scrollWidth > td.clientWidth + 1)
        .filter(
          (td) =>
            !(
              td.classList.contains('ant-table-cell-ellipsis') &&
              (td.getAttribute('title') || td.querySelector('[title]'))
            ),
        )
        .map((td) => (td.textContent ?? '').slice(0, 40)),
    );
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors);
    watch(page);
    admin = await apiLogin(server.baseUrl, 'district_admin', credentials().get('district_admin')!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the login page without asking the server who is signed in (no 401)', async () => {
    resetWatch();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByTestId('login-card').waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    expect(failed).toEqual([]);
  });

  const landings: [string, RegExp][] = [
    ['district_admin', /\/cockpit$/],
    ['street_secretary', /\/cockpit$/],
    ['community_secretary', /\/cockpit$/],
    ['grid_worker', /\/regions\/\d{14}$/],
    ['hotline_operator', /\/console$/],
    ['member', /\/me$/],
    ['auditor', /\/audit$/],
  ];
  for (const [username, landing] of landings) {
    it(`lands ${username} where their work is, asking nothing that answers 4xx`, async () => {
      resetWatch();
      await page.goto('/login');
      await logIn(page, username, credentials().get(username)!);
      await page.waitForURL((url) => landing.test(url.pathname));
      await page.waitForLoadState('networkidle');
      expect(failed).toEqual([]);
      // Only a member's account asks for the member's own page.
      expect(asked.includes('GET /api/me/member')).toBe(username === 'member');
      if (username === 'hotline_operator') await shot(page, 'landing-hotline-operator-console');
      if (username === 'member') {
        expect(await page.getByTestId('menu-my-page').isVisible()).toBe(true);
        await page.getByTestId('my-page').waitFor();
        await shot(page, 'landing-member-my-page');
      }
      expect(pageErrors).toEqual([]);
      // The next role starts from a fresh page without a session (logging out is tested below).
      await page.context().clearCookies();
    });
  }

  it('names each resident’s place from below a district reader’s level, exports named apart', async () => {
    await page.goto('/login');
    await logIn(page, 'district_admin', credentials().get('district_admin')!);
    await page.waitForURL('**/cockpit');
    await page.goto('/persons');
    const table = page.getByTestId('persons-table');
    await table.getByTestId('person-region-path').first().waitFor();
    const places = await table.getByTestId('person-region-path').allInnerTexts();
    // 街道 / 社区 / 网格 / 楼栋: never the bare "1号楼" that every grid has.
    for (const place of places) expect(place.split(' / ').length, place).toBe(4);
    expect(await overflowingCells(table)).toEqual([]);
    await shot(page, 'persons');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('persons-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^居民信息-脱敏-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('gives 诉求内容 the room in the work-order list, every cell on one line', async () => {
    await page.goto('/work-orders?view=all');
    const table = page.getByTestId('work-orders-table');
    await table.locator('tbody tr[data-testid^="order-row-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'work-orders');
    const description = await table.locator('thead th').nth(3).boundingBox();
    // It had about six characters' room; now the fixed columns give it the rest.
    expect(description!.width).toBeGreaterThan(240);
    expect(await overflowingCells(table)).toEqual([]);
    // 地点 on one line (it wrapped to three), whole on hover.
    const place = table.getByTestId('order-place').first();
    expect((await place.boundingBox())!.height).toBeLessThan(30);
    expect(await place.getAttribute('title')).toContain(' / ');
  });

  it('scrolls the region tree on its own, the menu staying in view', async () => {
    type Children = { items: { code: string }[] };
    const communities = (await admin.json<Children>('GET', '/api/regions/230108001/children')).items;
    const grids = (await admin.json<Children>('GET', `/api/regions/${communities[0]!.code}/children`)).items;
    await page.goto(`/regions/${grids[0]!.code}`);
    const tree = page.getByTestId('sider-tree');
    await tree.getByTestId(`tree-node-${grids[0]!.code}`).waitFor();
    // Unfold more streets until the tree is taller than its room.
    for (let i = 0; i < 4; i++) {
      const closed = tree.locator('.ant-tree-switcher_close');
      if ((await closed.count()) === 0) break;
      await closed.first().click();
      await page.waitForTimeout(300);
    }
    const menuItems = page.getByTestId('side-menu').locator('li.ant-menu-item');
    const lastItem = menuItems.last();
    const before = await lastItem.boundingBox();
    const sizes = await tree.evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await tree.hover();
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(300);
    expect(await tree.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    // The menu did not move, and its last entry is still on the screen.
    expect(await lastItem.boundingBox()).toEqual(before);
    expect(await lastItem.isVisible()).toBe(true);
    expect(before!.y + before!.height).toBeLessThanOrEqual(900);
    await shot(page, 'sidebar-tree-scrolled');
    await logOut(page);
  });

  it('names on the cockpit map a new grid it cannot draw, and names the coverage page’s places in one go', async () => {
    const grid = await admin.json<{ code: string }>('POST', '/api/regions/230108001002/children', {
      kind: 'grid',
      name: '青年新建网格',
    });
    expect(grid.code).toMatch(/^230108001002\d{2}$/);
    await page.goto('/login');
    await logIn(page, 'district_admin', credentials().get('district_admin')!);
    await page.waitForURL('**/cockpit');
    await page.goto('/cockpit?region=230108001002');
    const missing = page.getByTestId('cockpit-map-missing');
    await missing.waitFor();
    expect(await visibleText(page, missing)).toContain('青年新建网格');

    // One request per region was made for every grid the page named (109 at district scope).
    const regionReads: string[] = [];
    const count = (request: { url: () => string }) => {
      const { pathname } = new URL(request.url());
      if (/^\/api\/regions\/\d+$/.test(pathname)) regionReads.push(pathname);
    };
    page.on('request', count);
    await page.goto('/coverage');
    await page.getByTestId('coverage-page').waitFor();
    await page.waitForLoadState('networkidle');
    page.off('request', count);
    expect(regionReads.length).toBeLessThanOrEqual(3);
    await page.context().clearCookies();
  });

  it('tells a grid worker recording a deed why a name finds no member, and what to do', async () => {
    await page.goto('/login');
    await logIn(page, 'grid_worker', credentials().get('grid_worker')!);
    await page.waitForURL((url) => /\/regions\/\d{14}$/.test(url.pathname));
    await page.goto('/deeds');
    await page.getByTestId('deed-new').click();
    await page.getByTestId('deed-member').click();
    await page.keyboard.type('没有这个人');
    const hint = page.getByText('党员要先由社区书记在“组织”页添加或导入');
    await hint.waitFor();
    await page.keyboard.press('Escape');
    await page.context().clearCookies();
  });

  it('gives a grid worker on a 360-px phone the whole width, the menu behind a button', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await phone.goto('/login');
      await logIn(phone, 'grid_worker', credentials().get('grid_worker')!);
      // On a phone a grid worker lands on the phone home (issue 16), not on the grid's page.
      await phone.waitForURL('**/home');
      expect(await phone.getByTestId('sider').count()).toBe(0);
      const content = phone.locator('.ant-layout-content').first();
      expect((await content.boundingBox())!.width).toBeGreaterThanOrEqual(340);
      // The page itself does not scroll sideways.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shot(phone, 'phone-grid-worker-landing');
      await phone.getByTestId('nav-open').click();
      await phone.getByTestId('menu-work-orders').click();
      await phone.waitForURL('**/work-orders');
      await phone.getByTestId('nav-drawer').waitFor({ state: 'hidden' });
      await shot(phone, 'phone-grid-worker-orders');
    } finally {
      await context.close();
    }
  });

  it('speaks English on the cockpit, the console and the residents list', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
    });
    await context.addInitScript(() => window.localStorage.setItem('lianxin.language', 'en'));
    const english = await context.newPage();
    english.on('pageerror', (error) => pageErrors.push(error.message));
    await english.goto('/login');
    await logIn(english, 'district_admin', credentials().get('district_admin')!);
    await english.waitForURL('**/cockpit');
    // The selected period is shown whole, not cut to "Last 12 mo…".
    const months = english.getByTestId('cockpit-months').locator('.ant-select-content');
    await months.waitFor();
    expect(await visibleText(english, months)).toContain('Last 12 months');
    expect(await months.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await shot(english, 'cockpit-en');

    await english.goto('/console');
    const phone = english.getByTestId('console-phone').first();
    await phone.waitFor();
    // The placeholder, measured in the input's own font, fits the input's text box.
    const fits = await phone.evaluate((element) => {
      const input = (
        element.tagName === 'INPUT' ? element : element.querySelector('input')
      ) as HTMLInputElement;
      const style = getComputedStyle(input);
      const context2d = document.createElement('canvas').getContext('2d')!;
      context2d.font = `${style.fontSize} ${style.fontFamily}`;
      const room =
        input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return input.placeholder.length > 0 && context2d.measureText(input.placeholder).width <= room;
    });
    expect(fits).toBe(true);
    await shot(english, 'console-en');

    // The work-order list's narrow columns hold their English words too.
    await english.goto('/work-orders?view=all');
    const orders = english.getByTestId('work-orders-table');
    await orders.locator('tbody tr[data-testid^="order-row-"]').first().waitFor();
    expect(await overflowingCells(orders)).toEqual([]);
    await shot(english, 'work-orders-en');

    await english.goto('/persons');
    await english.getByTestId('persons-table').getByTestId('person-tag').first().waitFor();
    const tags = await english.getByTestId('persons-table').getByTestId('person-tag').allInnerTexts();
    expect(tags.filter((tag) => HAN.test(tag))).toEqual([]);
    // Relations in English; "Gender" and "Female" on one line each (they broke mid-word).
    const persons = english.getByTestId('persons-table');
    const relations = await persons.locator('tbody tr td:nth-child(6)').allInnerTexts();
    expect(relations.filter((relation) => HAN.test(relation))).toEqual([]);
    const lines = (cell: Locator) =>
      cell.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
    expect(await lines(persons.locator('thead th').nth(1))).toBe(1);
    expect(await lines(persons.locator('tbody tr td:nth-child(2)').first())).toBe(1);
    expect(await overflowingCells(persons)).toEqual([]);
    await shot(english, 'persons-en');
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('says "Expected by: <date>" and "Place: " on the portal in English', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      isMobile: true,
    });
    await context.addInitScript(() => window.localStorage.setItem('lianxin.language', 'en'));
    const phonePage = await context.newPage();
    const phone = credentials()
      .get('resident')!
      .replace(/^phone:/, '');
    await phonePage.goto('/m');
    await phonePage.getByTestId('portal-phone').fill(phone);
    await phonePage.getByTestId('portal-send-code').click();
    const masked = `${phone.slice(0, 3)}\\*{4}${phone.slice(7)}`;
    let code = '';
    for (let i = 0; i < 100 && !code; i++) {
      code = server.output().match(new RegExp(`sign-in code\\s+(\\d{6})\\s+\\(${masked}\\)`))?.[1] ?? '';
      if (!code) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(code).toMatch(/^\d{6}$/);
    await phonePage.getByTestId('portal-code').fill(code);
    await phonePage.getByTestId('portal-login-submit').click();
    await phonePage.waitForURL((url) => url.pathname === '/m');
    await declineElderOffer(phonePage);
    const links = phonePage.getByTestId('portal-requests').locator('a');
    await links.first().waitFor();
    let seenDue = false;
    for (let i = 0; i < Math.min(await links.count(), 6) && !seenDue; i++) {
      await links.nth(i).click();
      // The label's colon is the English one (it was "Place：").
      const place = phonePage.getByText(/^Place\s*[:：]/).first();
      await place.waitFor();
      expect(await visibleText(phonePage, place)).toMatch(/^Place:$/);
      const text = await visibleText(phonePage, phonePage.locator('body'));
      if (text.includes('Expected by')) {
        seenDue = true;
        expect(text).not.toMatch(/Expected by\s*by/);
        await shot(phonePage, 'portal-request-en');
      }
      await phonePage.goBack();
      await links.first().waitFor();
    }
    expect(seenDue).toBe(true);
    await context.close();
  });
});
