import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './support/browser';
import { artifactsDir } from './support/screenshots';
import { DEMO_STAFF_ROLES, demoCredentials, type RunningServer, startServer } from './support/server';
import { logIn } from './support/ui';

/** The demo district's staff accounts, each signed in from data/initial-credentials.txt. */
const ROLES = DEMO_STAFF_ROLES;

const LANGUAGES = [
  { language: 'zh', locale: 'zh-CN' },
  { language: 'en', locale: 'en-US' },
] as const;

/**
 * Problems the walk knows of and lets pass until they are fixed: each names its defect. A problem
 * is exempt when it starts with `where` (the menu entry's test id, or `landing`) and matches `what`.
 */
const EXEMPT: { where: string; what: RegExp; defect: string }[] = [];

/** What counts as a finished page: no API request in flight and no spinner for this long. */
const QUIET_MS = 400;

/**
 * Issue 12's "done when": every demo staff role, in Chinese and in English, lands on its page and
 * opens every entry of its side menu; the walk fails on a page error or a console error, on a
 * 4xx answer to a request the page made on its own (the walk only clicks menu entries, so every
 * request is the page's own), and on a table cell or card title whose text runs out of its box
 * without an ellipsis.
 */
describeInBrowser('every role’s menu, walked in both languages', () => {
  let server: RunningServer;
  let browser: Browser;

  const credentials = (): Map<string, string> => demoCredentials(server);

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    fs.mkdirSync(artifactsDir, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Table cells and card titles wider than their box that are not cut with an ellipsis. A fixed
   * column's last cell draws its shadow as a 30px ::after beyond its edge, which counts in its
   * scrollWidth: an overflow is confirmed only where the cell's own content (its text and
   * elements, not pseudo-elements) reaches past its content box.
   */
  async function overflowing(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ant-table-cell, .ant-card-head-title')]
        .filter((element) => element.getClientRects().length > 0)
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .filter((element) => getComputedStyle(element).textOverflow !== 'ellipsis')
        .filter((element) => {
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          const left = box.left + element.clientLeft + Number.parseFloat(style.paddingLeft);
          const right =
            box.left + element.clientLeft + element.clientWidth - Number.parseFloat(style.paddingRight);
          const range = document.createRange();
          range.selectNodeContents(element);
          const content = range.getBoundingClientRect();
          return content.width > 0 && (content.right > right + 1 || content.left < left - 1);
        })
        .map(
          (element) =>
            `${element.classList.contains('ant-card-head-title') ? 'card title' : 'cell'} "${(element.textContent ?? '').slice(0, 40)}" (${element.scrollWidth} > ${element.clientWidth})`,
        ),
    );
  }

  it('tells a cell that overflows from a fixed column’s shadow and from a cut text', async () => {
    // The measure itself, on cells made for it: the walk passing means nothing if it sees nothing.
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await page.goto('/login');
    await page.evaluate(() => {
      const cell = (html: string, style: string, extra = '') => {
        const div = document.createElement('div');
        div.className = `ant-table-cell ${extra}`;
        div.style.cssText = `width: 80px; padding: 8px; position: relative; ${style}`;
        div.innerHTML = html;
        document.body.append(div);
      };
      cell('<span>a text far too long for its cell</span>', 'white-space: nowrap;');
      cell(
        'a text far too long for its cell',
        'white-space: nowrap; overflow: hidden; text-overflow: ellipsis;',
      );
      // A fixed column's shadow: content that fits, a pseudo-element beyond the edge.
      const style = document.createElement('style');
      style.textContent =
        '.shadowed::after { content: ""; position: absolute; right: 0; width: 30px; height: 10px; transform: translateX(100%); }';
      document.head.append(style);
      cell('fits', '', 'shadowed');
    });
    const found = await overflowing(page);
    await context.close();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('a text far too long');
  });

  for (const { language, locale } of LANGUAGES) {
    for (const role of ROLES) {
      it(`${role} (${language}): the landing page and every menu entry open clean`, async () => {
        const problems: string[] = [];
        let where = 'landing';
        let inFlight = 0;

        const context = await browser.newContext({
          baseURL: server.baseUrl,
          viewport: { width: 1440, height: 900 },
          locale,
          timezoneId: 'Asia/Shanghai',
        });
        context.setDefaultTimeout(15_000);
        await context.addInitScript(
          (lang) => window.localStorage.setItem('lianxin.language', lang),
          language,
        );
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`${where}: page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${where}: console error: ${message.text()}`);
        });
        const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
        page.on('request', (request) => {
          if (isApi(request.url())) inFlight += 1;
        });
        const done = (url: string) => {
          if (isApi(url)) inFlight -= 1;
        };
        page.on('requestfinished', (request) => done(request.url()));
        page.on('requestfailed', (request) => done(request.url()));
        page.on('response', (response) => {
          if (response.status() >= 400 && response.status() < 500) {
            const url = new URL(response.url());
            problems.push(`${where}: ${response.status()} ${response.request().method()} ${url.pathname}`);
          }
        });

        /** Waits for the page's main content, then for its requests and spinners to be done. */
        async function settle(): Promise<void> {
          await page.locator('main.ant-layout-content > *').first().waitFor();
          const deadline = Date.now() + 15_000;
          let quietSince = Date.now();
          while (Date.now() < deadline) {
            await page.waitForTimeout(100);
            const spinning = await page.locator('main .ant-spin-spinning, main .ant-skeleton-active').count();
            if (inFlight > 0 || spinning > 0) quietSince = Date.now();
            else if (Date.now() - quietSince >= QUIET_MS) return;
          }
          problems.push(`${where}: still loading after 15 s`);
        }

        async function check(): Promise<void> {
          await settle();
          for (const cell of await overflowing(page)) problems.push(`${where}: overflows: ${cell}`);
        }

        await page.goto('/login');
        await logIn(page, role, credentials().get(role)!);
        await page.waitForURL((url) => url.pathname !== '/login');
        await check();
        await page.screenshot({ path: path.join(artifactsDir, `menu-walk-${language}-${role}.png`) });

        const menu = page.getByTestId('side-menu');
        // Unfold every group (服务管理) so that its entries can be clicked.
        const closed = menu.locator(
          '.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title',
        );
        while ((await closed.count()) > 0) {
          await closed.first().click();
          await page.waitForTimeout(300);
        }
        const entries = await menu
          .locator('li.ant-menu-item [data-testid^="menu-"]')
          .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''));
        expect(entries.length).toBeGreaterThan(0);

        for (const entry of entries) {
          where = entry;
          await menu.getByTestId(entry).click();
          await check();
        }
        await context.close();

        const unexplained = problems.filter(
          (problem) =>
            !EXEMPT.some((exempt) => problem.startsWith(exempt.where) && exempt.what.test(problem)),
        );
        expect(unexplained, `walked: landing, ${entries.join(', ')}`).toEqual([]);
      });
    }
  }
});
