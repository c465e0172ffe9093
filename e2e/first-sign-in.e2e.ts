import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir } from './support/screenshots';
import { demoCredentials, type RunningServer, startServer } from './support/server';
import { logIn, visibleText } from './support/ui';

const PHONE = { width: 360, height: 740 };

/**
 * A new account's first sign-in with the password an administrator gave it (MLPS: changed before
 * anything else), and the public-text dialog of a work order on a 360-px phone — both on the demo
 * district, whose own published accounts are exempt from the change.
 */
describeInBrowser('first sign-in with an administrator’s password; the public text on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  const pageErrors: string[] = [];

  async function shot(target: Page, name: string): Promise<void> {
    fs.mkdirSync(docsScreenshotsDir, { recursive: true });
    await target.waitForTimeout(300);
    await target.screenshot({ path: path.join(docsScreenshotsDir, `${name}.png`) });
  }

  /** Elements inside `selector` whose content runs wider than they are, or past the viewport. */
  async function overflowing(target: Page, selector: string): Promise<string[]> {
    return target.evaluate((css) => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll(`${css}, ${css} *`)]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          if (box.width === 0) return false;
          const scrolls = ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
          return (
            box.left < -1 ||
            box.right > width + 1 ||
            (!scrolls && element.scrollWidth > element.clientWidth + 1)
          );
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
    }, selector);
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    admin = await apiLogin(server.baseUrl, 'district_admin', demoCredentials(server).get('district_admin')!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes a user an administrator created change the password first, then lets them work', async () => {
    const { id } = await admin.json<{ id: string }>('POST', '/api/users', {
      username: 'zhao_newcomer',
      displayName: '赵新来',
      password: 'Given-by-Admin-2026',
      regionCode: '230108',
    });
    await admin.json('POST', `/api/users/${id}/roles`, { role: 'auditor', regionCode: '230108' });

    const page = await openPage(browser, server.baseUrl, pageErrors, { context: { viewport: PHONE } });
    const failed: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/') && response.status() >= 400)
        failed.push(`${response.status()} ${url.pathname}`);
    });
    await page.goto('/audit');
    await page.waitForURL('**/login');
    await logIn(page, 'zhao_newcomer', 'Given-by-Admin-2026');
    const card = page.getByTestId('password-change-required');
    await card.waitFor();
    expect(await visibleText(page, card)).toContain('赵新来（zhao_newcomer）');
    // Nothing of the app behind it is shown, and nothing it would ask is refused: it asks nothing.
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    expect(await overflowing(page, '[data-testid="password-change-required"]')).toEqual([]);
    await shot(page, 'password-change-required-phone');

    // The server refuses the rest meanwhile, whatever the page does.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/audit');
      return { status: response.status, code: ((await response.json()) as { code: string }).code };
    });
    expect(refused).toEqual({ status: 403, code: 'auth.password_change_required' });
    failed.length = 0;

    await page.getByTestId('password-current').fill('Given-by-Admin-2026');
    await page.getByTestId('password-new').fill('Zhao-Own-Choice-77');
    await page.getByTestId('password-confirm').fill('Zhao-Own-Choice-77');
    await page.getByTestId('password-change-submit').click();
    // On to where they were heading.
    await card.waitFor({ state: 'hidden' });
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();

    // The new password is theirs; the administrator's no longer works.
    await apiLogin(server.baseUrl, 'zhao_newcomer', 'Zhao-Own-Choice-77');
    await expect(apiLogin(server.baseUrl, 'zhao_newcomer', 'Given-by-Admin-2026')).rejects.toThrow(/401/);
  });

  it('keeps the demo’s published accounts usable as printed: no change asked', async () => {
    const me = await admin.json<{ passwordChangeRequired: boolean }>('GET', '/api/auth/me');
    expect(me.passwordChangeRequired).toBe(false);
  });

  it('fits the public-text dialog of a work order on a 360-px phone, its buttons in reach', async () => {
    const orders = await admin.json<{ items: { id: string }[] }>('GET', '/api/work-orders?view=all&limit=1');
    const order = orders.items[0]!;
    const page = await openPage(browser, server.baseUrl, pageErrors, {
      context: { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    });
    await page.goto('/login');
    await logIn(page, 'district_admin', demoCredentials(server).get('district_admin')!);
    await page.waitForURL('**/cockpit');

    /** Opens the dialog on the order's page. */
    async function openDialog(title: string) {
      await page.goto(`/work-orders/${order.id}`);
      await page.getByTestId('edit-public-description').click();
      const dialog = page.getByRole('dialog').filter({ hasText: title });
      await dialog.waitFor();
      return dialog;
    }
    /** The dialog, its buttons and the page all lie within the screen's width. */
    async function fitsTheScreen(name: string): Promise<void> {
      await shot(page, name);
      expect(await overflowing(page, '.ant-modal')).toEqual([]);
      const box = (await page.locator('.ant-modal-container').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      for (const button of await page.locator('.ant-modal-footer button').all()) {
        const b = (await button.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      // The header above it: the product's name ends before the language switch begins (a long
      // user name had pushed the switch over it).
      const appName = (await page.getByTestId('app-name').boundingBox())!;
      const language = (await page.getByTestId('language-switch').boundingBox())!;
      expect(appName.x + appName.width).toBeLessThanOrEqual(language.x);
    }

    const dialog = await openDialog('对外公开的说明');
    // A refused text: the server's reason under the field must fit too.
    await dialog.getByTestId('public-description-text').fill('独居老人送餐问题，请联系 13845671234');
    await dialog.getByTestId('public-description-save').click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await fitsTheScreen('public-text-phone-refused');
    await dialog
      .getByTestId('public-description-text')
      .fill('社区已为独居老人安排长期送餐服务，每周一、三、五上门。');
    await fitsTheScreen('public-text-phone');
    await dialog.getByTestId('public-description-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('社区已为独居老人安排长期送餐服务，每周一、三、五上门。').waitFor();

    // English words are longer: the same dialog, in English.
    await page.evaluate(() => window.localStorage.setItem('lianxin.language', 'en'));
    await openDialog('Text shown to the public');
    await fitsTheScreen('public-text-phone-en');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
