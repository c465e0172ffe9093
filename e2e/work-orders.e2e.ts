import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumber, type ResidentCells, seededRandom } from '../src/server/fixtures/resident-rows';
import { type ApiClient, apiLogin, createUser } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logOut, visibleText } from './support/ui';
import {
  CALLER,
  createGrid,
  DISTRICT,
  HOTLINE,
  importResidents,
  neighbourRows,
  OPERATOR,
  orderPages,
  QINGNIAN,
  SECRETARY,
  spaced,
  WORKER,
} from './support/work-orders';

// The order's flow, from the operator's console to the archive and its public text; the
// administrator's pages (catalogue, calendar, hotlines, deeds) are in work-orders-admin.e2e.ts.

const DESCRIPTION = '独居老人王秀英来电：近日腿脚不便，无法下楼买菜做饭，希望社区帮忙安排送餐。';

/** A photo of the work done, drawn for the test: a kitchen table with the delivered meal. */
async function mealPhoto(file: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#f3ead8"/>
    <rect x="80" y="330" width="640" height="40" fill="#8b5a2b"/>
    <rect x="120" y="370" width="30" height="200" fill="#6e4520"/>
    <rect x="650" y="370" width="30" height="200" fill="#6e4520"/>
    <ellipse cx="330" cy="310" rx="120" ry="30" fill="#ffffff" stroke="#999" stroke-width="3"/>
    <ellipse cx="330" cy="300" rx="80" ry="22" fill="#e8b04b"/>
    <rect x="480" y="220" width="140" height="100" rx="12" fill="#3c8dbc"/>
    <text x="400" y="120" font-size="48" text-anchor="middle" font-family="WenQuanYi Zen Hei" fill="#333">送餐上门</text>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
}

describeInBrowser('work orders: a hotline call from intake to archive in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: ReturnType<typeof screenshotRecorder>;
  let admin: ApiClient;
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-work-orders-e2e-'));
  const photo = path.join(folder, '送餐照片.jpg');
  let grid = '';
  let callerId = '';
  let orderNumber = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);

    grid = await createGrid(admin);
    await createUser(admin, OPERATOR, 'hotline_operator', DISTRICT);
    await createUser(admin, SECRETARY, 'secretary', QINGNIAN.code);
    await createUser(admin, WORKER, 'grid_worker', grid);

    // 王秀英 lives alone in 1号楼 1单元 301; her neighbours fill the rest of the building.
    const random = seededRandom(2026);
    const caller: ResidentCells = [
      CALLER.name,
      idNumber(random, { birthYear: 1944, gender: 'female' }),
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
    callerId = found.items[0]?.id ?? '';
    expect(callerId).not.toBe('');

    await admin.json('POST', '/api/hotlines', { ...HOTLINE, regionCode: DISTRICT });
    await mealPhoto(photo);

    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors);
    shot = screenshotRecorder(page, 'work-orders-', docsScreenshotsDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const text = (target: string | Locator) => visibleText(page, target);
  const { field, shown, dialog, option, signIn } = orderPages(() => page);

  async function openOrder(view: string): Promise<void> {
    await page.getByTestId('menu-work-orders').click();
    await page.getByTestId(`view-${view}`).click();
    await page.getByTestId(`order-link-${orderNumber}`).click();
    await page.getByTestId('order-page').waitFor();
  }

  /** Opens a step's dialog on the order page, lets `fill` complete it, and confirms. */
  async function act(action: string, label: string, fill: (form: Locator) => Promise<void> = async () => {}) {
    await page.getByTestId(`action-${action}`).click();
    const form = dialog(`${label} · ${orderNumber}`);
    await form.waitFor();
    await fill(form);
    return form;
  }

  async function confirm(form: Locator, label: string, expectedStatus: string): Promise<void> {
    await form.getByRole('button', { name: spaced(label) }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('order-status').filter({ hasText: expectedStatus }).waitFor();
  }

  it('finds the caller by phone at the console and takes the order for 独居老人照料', async () => {
    await signIn(OPERATOR);
    await page.getByTestId('menu-console').click();
    await page.getByTestId('console-page').waitFor();
    // The phone field has the focus: the operator types the number straight away.
    await page.keyboard.type(CALLER.phone);
    await page.getByTestId(`caller-resident-${callerId}`).waitFor();
    // Enter (the placeholder says 回车查找) looks up and nothing else: no empty-form errors.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByTestId('console-hotline').click();
    await option(HOTLINE.name).click();
    await shown('caller-residents', '青年社区 / 青年三网格 / 1号楼');
    expect(await text('caller-residents')).toContain(CALLER.name);
    expect(await text('console-caller')).toContain('此号码的工单（0）');
    // The only resident with this number is chosen: her home is the order's place.
    expect(await text('console-place')).toContain(`${CALLER.name}的住址`);
    await shot('console-caller-found');

    await page.getByTestId('console-category').click();
    await page.keyboard.type('djlr');
    await page.getByTestId('category-option-livelihood.elderly_care').click();
    await page.getByTestId('attribute-care_need').click();
    await option('送餐').click();
    await page.keyboard.press('Escape');
    await field('console-description').fill(DESCRIPTION);
    expect(await field('console-contact-phone').inputValue()).toBe(CALLER.phone);
    expect(await field('console-contact-name').inputValue()).toBe(CALLER.name);
    await shot('console-order-form');

    await page.getByTestId('console-submit').click();
    orderNumber = await text('created-number');
    expect(orderNumber).toMatch(/^\d{6}-\d{8}-\d{4}$/);
    expect(await text('console-created')).toContain('已受理');
    await shot('console-created');
  });

  it('dispatches it from the console to 青年社区', async () => {
    await page.getByTestId('created-dispatch').click();
    const form = dialog(`派单 · ${orderNumber}`);
    await page.getByTestId('dispatch-target').click();
    await option(`${QINGNIAN.name}（社区）`).click();
    // Chosen before it is sent: on a loaded machine the list can redraw under the click.
    await form.getByTestId('dispatch-target').filter({ hasText: QINGNIAN.name }).waitFor();
    await shot('dispatch-to-community');
    await form.getByRole('button', { name: spaced('派单') }).click();
    await form.waitFor({ state: 'hidden' });
    expect(await text(page.getByTestId('console-created').getByTestId('order-status'))).toBe('待签收');
    // The dispatch is confirmed with its target, and the summary keeps the category.
    expect(await text('created-dispatched')).toMatch(new RegExp(`已派单至.*${QINGNIAN.name}`));
    expect(await text('console-created')).toContain('独居老人照料');
    await shot('console-dispatched');
  });

  it('warns at the next call from the same household about the open order of the same category', async () => {
    await page.getByTestId('console-next').click();
    await field('console-phone').fill(CALLER.phone);
    expect(await text('caller-orders')).toContain(orderNumber);
    await page.getByTestId('console-category').click();
    await page.keyboard.type('老人');
    await page.getByTestId('category-option-livelihood.elderly_care').click();
    expect(await text('console-duplicates')).toContain(orderNumber);
    expect(await text('console-submit')).toContain('仍然受理');
    await shot('console-duplicate-warning');
    await logOut(page);
  });

  it('lets the community secretary find it in the inbox and dispatch it to the grid worker', async () => {
    await signIn(SECRETARY);
    await page.getByTestId('inbox-bell').click();
    const message = page.getByTestId('inbox').locator('.ant-list-item', { hasText: orderNumber }).first();
    expect(await text(message)).toContain('独居老人照料');
    await shot('secretary-inbox');
    await message.click();
    await page.getByTestId('order-page').waitFor();
    await page.getByTestId('order-place').filter({ hasText: '青年社区 / 青年三网格 / 1号楼' }).waitFor();

    const form = await act('dispatch', '派单', async () => {
      await page.getByTestId('dispatch-kind-user').click();
      await page.getByTestId('dispatch-target').click();
      await option(WORKER.displayName).click();
      await page.getByTestId('dispatch-target').filter({ hasText: WORKER.displayName }).waitFor();
    });
    await shot('dispatch-to-worker');
    await confirm(form, '派单', '待签收');
    await logOut(page);
  });

  it('has the grid worker sign and resolve it with a photo', async () => {
    await signIn(WORKER);
    await page.getByTestId('menu-work-orders').click();
    const row = page.getByTestId(`order-row-${orderNumber}`);
    expect(await text(row)).toContain('待签收');
    // Three working days to go: green.
    expect(await row.getByTestId('order-time-left').getAttribute('data-urgency')).toBe('ok');
    await shot('worker-to-dos');
    await page.getByTestId(`order-link-${orderNumber}`).click();
    await page.getByTestId('order-page').waitFor();

    await confirm(await act('sign', '签收'), '签收', '办理中');
    const form = await act('resolve', '办结', async (dialogForm) => {
      await dialogForm
        .getByTestId('action-note')
        .fill('已联系社区助餐点，每天中午为王秀英送餐上门，老人已收到第一份午餐。');
      await dialogForm.locator('input[type=file]').setInputFiles(photo);
      await dialogForm.locator('.ant-upload-list-item-done').waitFor();
    });
    await shot('worker-resolve-with-photo');
    await confirm(form, '办结', '待审核');
    expect(await page.getByTestId('timeline-resolve').locator('img').count()).toBe(1);
    await shot('worker-resolved');
    await logOut(page);
  });

  it('has the secretary review and close it', async () => {
    await signIn(SECRETARY);
    await openOrder('to_review');
    const form = await act('review', '审核', async () => {
      await page.getByTestId('review-approve').click();
    });
    await confirm(form, '审核', '已办结');
    await shot('secretary-closed');
    await logOut(page);
  });

  it('records 不满意 at the callback: the order is back in progress', async () => {
    await signIn(OPERATOR);
    await openOrder('to_callback');
    const form = await act('callback', '回访', async (dialogForm) => {
      await page.getByTestId('satisfaction-unsatisfied').click();
      await dialogForm.getByTestId('action-note').fill('老人反映送餐只送了一天，第二天没有人来。');
    });
    await shot('callback-unsatisfied');
    await confirm(form, '回访', '办理中');
    expect(await text(page.getByTestId('order-page'))).toContain('重办 ×1');
    await shot('reopened');
    await logOut(page);
  });

  it('after a second resolution the callback is 满意 and the order is archived', async () => {
    await signIn(WORKER);
    await openOrder('mine');
    await confirm(
      await act('resolve', '办结', async (dialogForm) => {
        await dialogForm
          .getByTestId('action-note')
          .fill('与助餐点签订长期送餐协议，每日午餐、晚餐各一份，由楼长每天确认。');
      }),
      '办结',
      '待审核',
    );
    await logOut(page);

    await signIn(SECRETARY);
    await openOrder('to_review');
    const review = await act('review', '审核', async () => {
      await page.getByTestId('review-approve').click();
    });
    await confirm(review, '审核', '已办结');
    await logOut(page);

    await signIn(OPERATOR);
    await openOrder('to_callback');
    const callback = await act('callback', '回访', async () => {
      await page.getByTestId('satisfaction-satisfied').click();
    });
    await confirm(callback, '回访', '已归档');
    expect(await text('order-satisfaction')).toBe('满意');
    const steps = await page.getByTestId('order-timeline').locator('[data-testid^="timeline-"]').all();
    const actions = await Promise.all(steps.map((step) => step.getAttribute('data-testid')));
    expect(actions.filter((a) => a && !a.startsWith('timeline-satisfaction'))).toEqual(
      [
        'receive',
        'dispatch',
        'dispatch',
        'sign',
        'resolve',
        'review',
        'callback',
        'resolve',
        'review',
        'callback',
      ].map((a) => `timeline-${a}`),
    );
    await shot('archived');
    await logOut(page);
  });

  it('lets the secretary publish a public text for Open311, refusing one with a phone number in it', async () => {
    await signIn(SECRETARY);
    await openOrder('all');
    const facts = page.getByTestId('order-public-description');
    expect(await text(facts)).toContain('不公开');
    await page.getByTestId('edit-public-description').click();
    const form = dialog('对外公开的说明');
    await form.waitFor();
    await form.getByTestId('public-description-text').fill('独居老人送餐问题，请联系 13845671234');
    await form.getByTestId('public-description-save').click();
    // The server finds the phone number and names the field; nothing is published.
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    await shot('public-text-refused');
    await form.getByTestId('public-description-text').fill('社区已为独居老人安排长期送餐服务。');
    await form.getByTestId('public-description-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('社区已为独居老人安排长期送餐服务。').waitFor();
    await shot('public-text-published');
    // Anyone may read it through Open311, and nothing of the resident's own words.
    const response = await fetch(`${server.baseUrl}/open311/v2/requests.json?status=closed`);
    const published = JSON.stringify(await response.json());
    expect(published).toContain('社区已为独居老人安排长期送餐服务。');
    expect(published).not.toContain('13845671234');
    await logOut(page);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
