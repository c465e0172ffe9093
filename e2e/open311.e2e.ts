import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logIn, pickRegion, visibleText } from './support/ui';

const QINGNIAN = '230108001002';
const CLIENT = '12345 热线对接';

describeInBrowser('Open311 keys: issue one in the browser, use it, revoke it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let key = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    shot = screenshotRecorder(page, 'open311-');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A service request as another system sends it: form-encoded, with the key. */
  const postRequest = (apiKey: string) =>
    fetch(`${server.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({
        api_key: apiKey,
        service_code: 'environment.lighting',
        lat: '45.6060',
        long: '126.6370',
        address_string: '兴建路与新疆大街交口',
        description: '路口路灯不亮',
      }),
    });

  it('1. shows the administrator the Open311 keys page with the endpoint', async () => {
    await page.goto('/');
    await logIn(page, 'admin', server.adminPassword);
    await page.getByTestId('menu-open311-keys').click();
    await page.waitForURL('**/open311-keys');
    // The list loads after the page: wait for its empty state before reading the page once.
    await page.getByTestId('open311-keys-page').getByText('还没有密钥').waitFor();
    const text = await visibleText(page, 'open311-keys-page');
    expect(text).toContain('Open311 接口密钥');
    expect(text).toContain(`${server.baseUrl}/open311/v2`);
    expect(text).toContain('还没有密钥');
    await shot('empty');
  });

  it('2. issues a key for 青年社区 and shows it once, with a copy button', async () => {
    await page.getByTestId('open311-create').click();
    const form = page.getByRole('dialog', { name: '创建密钥' });
    // Both fields are required: the form says so before anything is sent.
    await page.getByTestId('open311-create-submit').click();
    expect(await visibleText(page, form)).toContain('请填写名称');
    await form.getByTestId('open311-name').fill(CLIENT);
    await pickRegion(page, form.getByTestId('open311-region'), '青年', QINGNIAN);
    await shot('create');
    await page.getByTestId('open311-create-submit').click();
    key = await visibleText(page, 'open311-new-key');
    expect(key).toMatch(/^lx311_[A-Za-z0-9_-]{32}$/);
    const issued = page.getByRole('dialog', { name: `“${CLIENT}”的密钥` });
    expect(await visibleText(page, issued)).toContain('只显示这一次');
    await issued.getByRole('button', { name: '复制' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shot('issued');
    await page.getByTestId('open311-new-key-done').click();
    await issued.waitFor({ state: 'hidden' });
    const table = await visibleText(page, 'open311-keys-table');
    expect(table).toContain(CLIENT);
    expect(table).toContain('青年社区');
    expect(table).toContain(`${key.slice(0, 12)}…`);
    expect(table).not.toContain(key);
    expect(table).toContain('有效');
  });

  it('3. lets another system submit a request with the key', async () => {
    const response = await postRequest(key);
    expect(response.status).toBe(200);
    const [answer] = (await response.json()) as { service_request_id: string }[];
    const shown = await fetch(`${server.baseUrl}/open311/v2/requests/${answer!.service_request_id}.xml`);
    expect(shown.status).toBe(200);
    // The place is said by its regions: an address typed by a client may name a home, so it is kept
    // for staff and never published.
    const xml = await shown.text();
    expect(xml).toContain('<address>青年社区, 兴建街道, 平房区</address>');
    expect(xml).not.toContain('兴建路与新疆大街交口');
  });

  it('4. revokes the key after a confirmation, and the key no longer works', async () => {
    const id = await page
      .getByTestId('open311-keys-table')
      .locator('[data-testid^="open311-revoke-"]')
      .first()
      .getAttribute('data-testid');
    await page.getByTestId(id!).click();
    expect(await visibleText(page, page.locator('.ant-popconfirm'))).toContain(`吊销“${CLIENT}”的密钥？`);
    await shot('revoke-confirm');
    await page.getByTestId('open311-revoke-confirm').click();
    await page.getByTestId('open311-keys-table').getByText('已吊销').waitFor();
    expect(await page.getByTestId(id!).count()).toBe(0);
    await shot('revoked');
    const refused = await postRequest(key);
    expect(refused.status).toBe(403);
    expect(pageErrors).toEqual([]);
  });
});
