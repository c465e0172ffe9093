import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';

const QINGNIAN = { code: '230108001002', name: '青年社区' };
const SHANGHAI_XINCUN = { code: '230108001003', name: '上海新村社区' };
const GRID_NAME = '青年一网格';
const BUILDING_NAME = '1号楼';
const SECRETARY = { username: 'qn_secretary', displayName: '青年社区书记', password: 'Youth-Party-2026' };
/** What the secretary chooses at the first sign-in, when the given password must be changed. */
const SECRETARY_OWN_PASSWORD = 'Qingnian-Own-Choice-77';

describeInBrowser('foundation: regions, users and scoped access in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors);
    shot = screenshotRecorder(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function logIn(username: string, password: string): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  /** Types into a region picker and takes the matching search result. */
  async function pickRegion(testId: string, query: string, code: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.keyboard.type(query);
    await page.getByTestId(`region-option-${code}`).click();
  }

  /** The text a user sees in an element (by test id or locator), once it is visible. */
  async function visibleText(target: string | Locator): Promise<string> {
    const element = typeof target === 'string' ? page.getByTestId(target) : target;
    await element.waitFor();
    // Playwright's innerText is the rendered text: what the user reads, which is the point here.
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node
    return (await element.innerText()).trim();
  }

  let gridCode = '';

  it('logs the administrator in, to the cockpit, and opens the district', async () => {
    await page.goto('/');
    await page.getByTestId('login-card').waitFor();
    expect(await visibleText(page.getByTestId('login-card'))).toContain('欢迎使用连心');
    await shot('login');

    await logIn('admin', server.adminPassword);
    // Administrators and secretaries start on the cockpit; 区域 opens the first region.
    await page.waitForURL('**/cockpit');
    await page.getByTestId('menu-regions').click();
    await page.waitForURL('**/regions/230108');
    expect(await visibleText('region-name')).toBe('平房区');
    expect(await visibleText('current-user')).not.toBe('');
    expect(await page.getByTestId('menu-users').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-audit').isVisible()).toBe(true);
    await shot('admin-home');
  });

  it('creates a grid in 青年社区', async () => {
    await page.goto(`/regions/${QINGNIAN.code}`);
    expect(await visibleText('region-name')).toBe(QINGNIAN.name);
    expect(await visibleText('region-breadcrumb')).toContain('兴建街道');
    expect(await visibleText(page.getByTestId('region-page').getByTestId('kind-tag').first())).toBe('社区');
    await shot('community');

    await page.getByTestId('create-child').click();
    const dialog = page.getByRole('dialog', { name: '新建网格' });
    await dialog.getByTestId('region-name-input').fill(GRID_NAME);
    await shot('new-grid-form');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const link = page.getByRole('link', { name: GRID_NAME });
    await link.waitFor();
    gridCode = ((await link.getAttribute('data-testid')) ?? '').replace('child-link-', '');
    expect(gridCode).toMatch(new RegExp(`^${QINGNIAN.code}\\d+$`));
    expect(await page.getByText(`已创建“${GRID_NAME}”`).isVisible()).toBe(true);
    await shot('grid-created');
  });

  it('opens the grid and creates a building in it', async () => {
    await page.getByRole('link', { name: GRID_NAME }).click();
    await page.waitForURL(`**/regions/${gridCode}`);
    // The URL changes before the grid's data arrives: wait for the page to show the grid.
    await page.getByTestId('region-name').filter({ hasText: GRID_NAME }).waitFor();
    expect(await visibleText('region-name')).toBe(GRID_NAME);
    expect(await visibleText('region-breadcrumb')).toContain(QINGNIAN.name);
    expect(await visibleText(page.getByTestId('create-child'))).toContain('新建楼栋');

    await page.getByTestId('create-child').click();
    const dialog = page.getByRole('dialog', { name: '新建楼栋' });
    await dialog.getByTestId('region-name-input').fill(BUILDING_NAME);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // The children table's link (the 住户分布 card above links the building too).
    const building = page.locator('[data-testid^="child-link-"]', { hasText: BUILDING_NAME });
    await building.waitFor();
    const row = page.getByRole('row', { name: new RegExp(BUILDING_NAME) });
    expect(await visibleText(row)).toContain('楼栋');
    // 住户分布 shows the new building at once, not 该网格还没有楼栋 until a reload.
    await page.getByTestId('map-buildings').getByText(BUILDING_NAME).waitFor();
    expect(await visibleText('neighbour-map')).not.toContain('该网格还没有楼栋');
    await shot('building-created');
  });

  it('creates 青年社区书记 and makes them secretary of 青年社区', async () => {
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-page').waitFor();
    await page.getByRole('row', { name: /admin/ }).waitFor();
    await shot('users');

    await page.getByTestId('new-user').click();
    const createDialog = page.getByRole('dialog', { name: '新建用户' });
    await createDialog.getByTestId('user-username').fill(SECRETARY.username);
    await createDialog.getByTestId('user-display-name').fill(SECRETARY.displayName);
    await createDialog.getByTestId('user-password').fill(SECRETARY.password);
    await pickRegion('user-region', '青年', QINGNIAN.code);
    expect(await visibleText(createDialog)).toContain(QINGNIAN.name);
    await shot('new-user-form');
    await createDialog.getByRole('button', { name: /创\s*建/ }).click();
    await createDialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: new RegExp(SECRETARY.username) });
    await row.waitFor();
    expect(await visibleText(row)).toContain(SECRETARY.displayName);
    expect(await visibleText(row)).toContain('未分配角色');
    await shot('user-created');

    await page.getByTestId(`assign-role-${SECRETARY.username}`).click();
    const roleDialog = page.getByRole('dialog', { name: `为“${SECRETARY.displayName}”分配角色` });
    await roleDialog.getByTestId('role-select').click();
    await page.locator('.ant-select-item-option[title="街道/社区书记"]').click();
    await pickRegion('role-region', '青年', QINGNIAN.code);
    await shot('assign-role-form');
    await roleDialog.getByRole('button', { name: /确\s*定/ }).click();
    await roleDialog.waitFor({ state: 'hidden' });

    const tag = page.getByTestId(`role-tag-${SECRETARY.username}`);
    await tag.waitFor();
    expect(await visibleText(tag)).toBe(`街道/社区书记 · ${QINGNIAN.name}`);
    await shot('role-assigned');
  });

  it('shows the new regions in the audit log', async () => {
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-action').click();
    await page.keyboard.type('region.created');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-search').click();
    await page.getByRole('row', { name: new RegExp(BUILDING_NAME) }).waitFor();
    const log = await visibleText(page.getByTestId('audit-table'));
    expect(log).toContain(GRID_NAME);
    expect(log).toContain('新建区域');
    expect(log).not.toContain('auth.login');
    await shot('audit-log');
  });

  it('logs out', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.waitForURL('**/login');
    expect(await visibleText('login-notice')).toBe('您已退出登录');
    await shot('logged-out');
  });

  it('has the secretary change the password the administrator gave, before anything else', async () => {
    await logIn(SECRETARY.username, SECRETARY.password);
    const card = page.getByTestId('password-change-required');
    await card.waitFor();
    await page.getByTestId('password-current').fill(SECRETARY.password);
    await page.getByTestId('password-new').fill(SECRETARY_OWN_PASSWORD);
    await page.getByTestId('password-confirm').fill(SECRETARY_OWN_PASSWORD);
    await page.getByTestId('password-change-submit').click();
    await card.waitFor({ state: 'hidden' });
  });

  it('shows the secretary only 青年社区 and its grid', async () => {
    await page.waitForURL('**/cockpit');
    await page.getByTestId('menu-regions').click();
    await page.waitForURL(`**/regions/${QINGNIAN.code}`);
    expect(await visibleText('current-user')).toBe(SECRETARY.displayName);
    expect(await visibleText('region-name')).toBe(QINGNIAN.name);

    const tree = page.getByTestId('region-tree');
    await tree.getByTestId(`tree-node-${gridCode}`).waitFor();
    expect(await visibleText(`tree-node-${QINGNIAN.code}`)).toBe(QINGNIAN.name);
    expect(await visibleText(`tree-node-${gridCode}`)).toBe(GRID_NAME);
    // The tree starts at 青年社区: neither the district nor the street is in it.
    expect(await tree.getByTestId('tree-node-230108').count()).toBe(0);
    expect(await tree.getByTestId('tree-node-230108001').count()).toBe(0);
    expect(await visibleText(tree)).not.toContain(SHANGHAI_XINCUN.name);
    await shot('secretary-home');
  });

  it('does not let the secretary into 上海新村社区 or the management pages', async () => {
    await page.goto(`/regions/${SHANGHAI_XINCUN.code}`);
    expect(await visibleText('region-not-found')).toContain('区域不存在或无权访问');
    expect(await page.getByText(SHANGHAI_XINCUN.name).count()).toBe(0);
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('menu-regions').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await shot('secretary-not-found');

    await page.goto('/users');
    expect(await visibleText('page-not-found')).toContain('页面不存在');
    expect(await page.getByTestId('users-page').count()).toBe(0);
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    expect(await visibleText('menu-regions')).toBe('Regions');
    expect(await visibleText('page-not-found')).toContain('Page not found');
    await page.reload();
    expect(await visibleText('menu-regions')).toBe('Regions');
    await page.goto(`/regions/${QINGNIAN.code}`);
    expect(await visibleText(page.getByTestId('region-page').getByTestId('kind-tag').first())).toBe(
      'Community',
    );
    await shot('secretary-english');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
