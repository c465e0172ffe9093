import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumber, type ResidentCells, seededRandom } from '../src/server/fixtures/resident-rows';
import { type ApiClient, apiLogin, createUser } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { visibleText } from './support/ui';
import {
  CALLER,
  createGrid,
  DISTRICT,
  HOTLINE,
  importResidents,
  neighbourRows,
  OPERATOR,
  orderPages,
} from './support/work-orders';

const FIRST_CALL = '王奶奶想请社区每天中午给她送一顿饭';
const SECOND_CALL = '卫生间水管漏水，楼下邻居家天花板渗水';

interface OrderRow {
  number: string;
  categoryCode: string;
  channel: string;
  hotlineId: string | null;
  personId: string | null;
  attributes: Record<string, unknown>;
  description: string;
}

// A hotline call from the first key to the accepted order with the keyboard alone: after the
// operator's sign-in, the test only presses keys (page.keyboard), never clicks.
describeInBrowser('operator console without the mouse: a hotline call by keyboard alone', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: ReturnType<typeof screenshotRecorder>;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-keyboard-e2e-'));
  let callerId = '';
  let hotlineId = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    const grid = await createGrid(admin);
    await createUser(admin, OPERATOR, 'hotline_operator', DISTRICT);
    const caller: ResidentCells = [
      CALLER.name,
      idNumber(seededRandom(2026), { birthYear: 1944, gender: 'female' }),
      '女',
      CALLER.phone,
      '汉族',
      grid,
      '1号楼',
      '1',
      '3',
      '301',
      '户主',
      '独居老人',
      '黑龙江省哈尔滨市平房区',
      '',
    ];
    await importResidents(admin, folder, [caller, ...neighbourRows(grid)]);
    const found = await admin.json<{ items: { id: string }[] }>(
      'GET',
      `/api/persons?q=${encodeURIComponent(CALLER.name)}`,
    );
    callerId = found.items[0]!.id;
    hotlineId = (
      await admin.json<{ id: string }>('POST', '/api/hotlines', { ...HOTLINE, regionCode: DISTRICT })
    ).id;

    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors);
    shot = screenshotRecorder(page, 'operator-keyboard-', docsScreenshotsDir);
    // Opening the page: the operator signs in and lands on the console. No clicks after this.
    await orderPages(() => page).signIn(OPERATOR);
    await page.getByTestId('console-page').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The focused element: its id, test id and the test ids of the parts around it. */
  const focus = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const within: string[] = [];
      for (let node = element; node; node = node.parentElement) {
        const id = node.getAttribute('data-testid');
        if (id) within.push(id);
      }
      return { id: element?.id ?? '', text: element?.textContent ?? '', within };
    });
  /** Waits until the focus is inside the part with this test id. */
  const focusIn = async (testId: string) => {
    await page.waitForFunction(
      (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null,
      testId,
    );
    expect((await focus()).within).toContain(testId);
  };
  const ordersOf = async () =>
    (await admin.json<{ items: OrderRow[] }>('GET', '/api/work-orders?limit=50')).items;

  it('lists the keys on the page and starts with the focus in the caller box', async () => {
    const listed = await visibleText(page, 'console-shortcuts');
    for (const key of ['Alt', 'Ctrl', 'Enter', 'Esc', '受理', '诉求类别', '接下一个来电'])
      expect(listed).toContain(key);
    expect((await focus()).id).toBe('console-caller-search');
  });

  it('takes a call by number: caller → category by pinyin → its question → description → accepted', async () => {
    // The line the call came in on: back one field to the hotline picker, open it, take the line.
    await page.keyboard.press('Shift+Tab');
    await focusIn('console-hotline');
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown:visible').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('console-hotline').getByText(HOTLINE.name).waitFor();
    // Alt+1: back to the caller box.
    await page.keyboard.press('Alt+1');
    expect((await focus()).id).toBe('console-caller-search');

    // The number finds the only resident with it; the focus moves on to the category.
    await page.keyboard.type(CALLER.phone);
    await page.getByTestId(`caller-resident-${callerId}`).waitFor();
    await focusIn('console-category');
    expect(await visibleText(page, 'console-place')).toContain(`${CALLER.name}的住址`);

    // Pinyin initials pick the category; Enter takes it and the focus goes to its first question.
    await page.keyboard.type('djlr');
    await page.getByTestId('category-option-livelihood.elderly_care').waitFor();
    await page.keyboard.press('Enter');
    await focusIn('attribute-care_need');
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown:visible').last().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('attribute-care_need').getByText('送餐').waitFor();

    // Alt+4: the description.
    await page.keyboard.press('Alt+4');
    await focusIn('console-description');
    await page.keyboard.type(FIRST_CALL);
    expect(await page.getByTestId('console-contact-phone').inputValue()).toBe(CALLER.phone);
    await shot('first-call');

    // Ctrl+Enter accepts; the focus waits on 接下一个来电.
    await page.keyboard.press('Control+Enter');
    const number = await visibleText(page, 'created-number');
    expect(number).toMatch(/^\d{6}-\d{8}-\d{4}$/);
    await focusIn('console-next');
    await shot('accepted');

    const order = (await ordersOf()).find((row) => row.number === number);
    expect(order).toMatchObject({
      categoryCode: 'livelihood.elderly_care',
      channel: 'hotline',
      hotlineId,
      personId: callerId,
      description: FIRST_CALL,
    });

    // Enter: the next call, the focus back in the caller box of an empty page.
    await page.keyboard.press('Enter');
    await page.getByTestId('console-form').waitFor();
    expect((await focus()).id).toBe('console-caller-search');
    expect(
      await page
        .getByTestId('console-description')
        .locator('textarea')
        .or(page.locator('textarea[data-testid="console-description"]'))
        .first()
        .inputValue(),
    ).toBe('');
  });

  it('takes a call by the caller’s name, chosen from the list with Enter', async () => {
    await page.keyboard.type(CALLER.name);
    await page.keyboard.press('Enter');
    // The register's matches: the first has the focus, Enter chooses it, the category is next.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'button');
    expect((await focus()).text).toContain(CALLER.name);
    await page.keyboard.press('Enter');
    await focusIn('console-category');
    expect(await visibleText(page, 'console-place')).toContain(`${CALLER.name}的住址`);

    // A category without questions: the focus goes straight to the description.
    await page.keyboard.type('fwwx');
    await page.getByTestId('category-option-livelihood.repair').waitFor();
    await page.keyboard.press('Enter');
    await focusIn('console-description');
    await page.keyboard.type(SECOND_CALL);
    // Alt+5: the contact; Enter moves from the name to the number.
    await page.keyboard.press('Alt+5');
    await focusIn('console-contact-name');
    expect(await page.getByTestId('console-contact-name').inputValue()).toBe(CALLER.name);
    await page.keyboard.press('Enter');
    await focusIn('console-contact-phone');
    await page.keyboard.type(CALLER.phone);
    await shot('second-call');
    await page.keyboard.press('Control+Enter');
    const number = await visibleText(page, 'created-number');
    const order = (await ordersOf()).find((row) => row.number === number);
    expect(order).toMatchObject({
      categoryCode: 'livelihood.repair',
      personId: callerId,
      description: SECOND_CALL,
    });
  });

  it('clears the caller with Esc and starts over with Alt+N', async () => {
    await page.keyboard.press('Alt+N');
    await page.getByTestId('console-form').waitFor();
    expect((await focus()).id).toBe('console-caller-search');
    await page.keyboard.type('王秀');
    await page.keyboard.press('Escape');
    expect(await page.locator('#console-caller-search').inputValue()).toBe('');
    expect(pageErrors).toEqual([]);
  });
});
