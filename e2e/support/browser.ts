import fs from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterEach, beforeAll, describe } from 'vitest';
import { checkOpenPages, takeViolations, watchPage } from './accessibility';
import { repoRoot } from './server';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the browser test cannot run on this machine, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    return `Chromium is not installed at ${CHROMIUM_PATH} (Debian: apt-get install chromium fonts-wqy-zenhei).`;
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) {
    return 'The web app is not built: dist/web/index.html is missing (run `npx vite build` or `npm run test:e2e`).';
  }
  return null;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  watchContexts(browser);
  return browser;
}

/**
 * Every page of every context the browser opens is checked by axe-core (issue 17): each route
 * once it settles, and the page as it is when its context closes. The suites create their
 * contexts in many ways (openPage, browser.newContext with their own options), so the watch is
 * installed here, where they all begin.
 */
function watchContexts(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await newContext(options);
    context.on('page', watchPage);
    const close = context.close.bind(context);
    context.close = async (closeOptions) => {
      await checkOpenPages(context.pages());
      await close(closeOptions);
    };
    return context;
  };
}

const missing = missingPrerequisite();
const inCi = process.env.CI === 'true';

/**
 * A browser suite: skipped with a warning on a machine without Chromium or the built web app,
 * but failed in CI (CI=true), where every browser suite must run.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (missing && !inCi) console.warn(`\n⚠️  SKIPPING the browser test "${name}": ${missing}\n`);
  describe.skipIf(missing !== null && !inCi)(name, () => {
    beforeAll(() => {
      if (missing) throw new Error(`The browser test cannot run in CI: ${missing}`);
    });
    // What axe found on the pages the test visited fails the test (issue 17: WCAG 2.1 AA everywhere).
    afterEach(async () => {
      const violations = await takeViolations();
      if (violations) throw new Error(violations);
    });
    body();
  });
}

/**
 * A page as the suites use it: a Chinese desktop browser in Beijing time (unless `context` says
 * otherwise), 15 s to find anything, and every uncaught page error collected into `pageErrors`.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  pageErrors: string[],
  options: { context?: BrowserContextOptions; permissions?: string[] } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options.context,
  });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: baseUrl });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}
