import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AccountDto } from '../src/shared/api/timebank';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { logIn, visibleText } from './support/ui';

/**
 * 爱心银行 in the browser on the demo district: minutes go from one resident's account to
 * another's through the account page (a transfer past the floor is refused in words), and the
 * supermarket clerk checks a code off once — the second try says it was already used.
 */
describeInBrowser('time bank: a transfer between two accounts and a supermarket check-off', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let payer: AccountDto;
  let payee: AccountDto;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    const persons = await admin.json<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/persons?limit=50',
    );
    // Two residents of different names: the recipient is picked by name in the form.
    const first = persons.items[0]!;
    const second = persons.items.find((p) => p.name !== first.name)!;
    const open = (ownerId: string) =>
      admin.json<AccountDto>('POST', '/api/timebank/accounts', { ownerKind: 'person', ownerId });
    payer = await open(first.id);
    payee = await open(second.id);
    page = await openPage(browser, server.baseUrl, pageErrors);
    await page.goto('/login');
    await logIn(page, 'admin', server.adminPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const balanceOf = async (id: string) =>
    (await admin.json<AccountDto>('GET', `/api/timebank/accounts/${id}`)).balanceMinutes;

  it('transfers minutes to another account, and refuses more than the floor allows in words', async () => {
    const before = { payer: await balanceOf(payer.id), payee: await balanceOf(payee.id) };
    await page.goto(`/timebank/accounts/${payer.id}`);
    expect(await visibleText(page, 'timebank-balance')).toBe(String(before.payer));
    const pickPayee = async () => {
      await page.getByTestId('timebank-transfer-to').click();
      await page.keyboard.type(payee.ownerName);
      await page
        .locator('.ant-select-item-option', { hasText: `${payee.ownerName}（${payee.regionCode}）` })
        .first()
        .click();
    };
    // antd puts the test id on the input itself or on its wrapper, depending on the version.
    const minutesInput = () => {
      const field = page.getByTestId('timebank-transfer-minutes');
      return field.and(page.locator('input')).or(field.locator('input')).first();
    };
    await pickPayee();
    await minutesInput().fill('10');
    await page.getByTestId('timebank-transfer-send').click();
    await expect.poll(async () => visibleText(page, 'timebank-balance')).toBe(String(before.payer - 10));
    expect(await balanceOf(payee.id)).toBe(before.payee + 10);

    await pickPayee();
    await minutesInput().fill('999999');
    await page.getByTestId('timebank-transfer-send').click();
    expect(await visibleText(page, 'form-error')).toContain('余额不足');
    expect(await balanceOf(payer.id)).toBe(before.payer - 10);
  });

  it('checks a supermarket code off once; the second use says it was already used', async () => {
    const item = await admin.json<{ id: string }>('POST', '/api/timebank/items', {
      regionCode: payer.regionCode,
      name: '浏览器测试大米',
      priceMinutes: 5,
      stock: 3,
    });
    const order = await admin.json<{ code: string }>('POST', `/api/timebank/items/${item.id}/orders`, {
      accountId: payer.id,
      quantity: 1,
    });
    await page.goto('/timebank/clerk');
    await page.getByTestId('timebank-code').fill(order.code);
    await page.getByTestId('timebank-check-off').click();
    expect(await visibleText(page, 'timebank-checked-off')).toContain('浏览器测试大米');
    await page.getByTestId('timebank-code').fill(order.code);
    await page.getByTestId('timebank-check-off').click();
    await page.getByText('该兑换码已使用').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
