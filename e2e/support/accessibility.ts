import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDir } from './screenshots';

/**
 * Issue 17: the browser suites run axe-core (the WCAG 2.0/2.1 A and AA rules) on every page they
 * visit and fail on any violation. `expectAccessible` checks one page now; `watchAccessibility`
 * (installed on every context by `launchBrowser`) checks each page again whenever its route
 * changes, once the page has settled, and keeps what it finds until `takeViolations` (the
 * browser suites' afterEach) turns it into a failure.
 */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  /** The page: language, desktop or phone, and its path (or what the caller named it). */
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);
let source: string | null | undefined;

/** axe-core's script, or null when the package is not installed (warned once). */
function axeSource(): string | null {
  if (source !== undefined) return source;
  try {
    source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    source = null;
    console.warn(
      '\n⚠️  axe-core is not installed: the browser suites run WITHOUT their accessibility checks (issue 17). Add "axe-core" to devDependencies.\n',
    );
  }
  return source;
}

export const axeAvailable = (): boolean => axeSource() !== null;

/** Language and form factor of the page as its reader meets it, then its path: "zh desktop /residents". */
async function describePage(page: Page, name?: string): Promise<string> {
  const lang = await page.evaluate(() => document.documentElement.lang || '?').catch(() => '?');
  const width = page.viewportSize()?.width ?? 1440;
  const route = name ?? new URL(page.url()).pathname;
  return `${lang.startsWith('en') ? 'en' : 'zh'} ${width < 768 ? 'phone' : 'desktop'} ${route}`;
}

/** Runs axe in the page (injected by evaluation, which a Content-Security-Policy cannot refuse). */
export async function axeViolations(page: Page, name?: string): Promise<Violation[]> {
  const script = axeSource();
  if (!script) return [];
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(script);
  const where = await describePage(page, name);
  const found = await page.evaluate(async (tags) => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: {
          target: unknown[];
          html: string;
          any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[];
        }[];
      }[];
    };
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      // The selector and the element's opening tag: antd's generated ids alone do not say which field it is.
      // A contrast failure also says its colours and ratio, which the selector alone does not.
      // And the nearest test id around it: antd's generated ids do not say which component it is.
      targets: violation.nodes.map((node) => {
        const colours = node.any.map((check) => check.data).find((data) => data?.fgColor);
        const contrast = colours
          ? ` [${colours.fgColor} on ${colours.bgColor}, ${colours.contrastRatio}:1]`
          : '';
        const selector = node.target.length === 1 ? String(node.target[0]) : null;
        let within = '';
        try {
          const testId = selector
            ? document.querySelector(selector)?.closest('[data-testid]')?.getAttribute('data-testid')
            : null;
          if (testId) within = ` (in [data-testid="${testId}"])`;
        } catch {
          // A selector the DOM cannot parse: the report goes without it.
        }
        return `${node.target.map(String).join(' >> ')} ${node.html.replace(/>.*$/s, '>').slice(0, 160)}${contrast}${within}`;
      }),
    }));
  }, WCAG_TAGS);
  return found.map((violation) => ({ where, ...violation }));
}

/** The violations as a reader of a failed test wants them: per page and rule, with a count and the first targets. */
export function formatViolations(violations: Violation[]): string {
  const lines = [`${violations.reduce((sum, v) => sum + v.targets.length, 0)} accessibility violation(s):`];
  for (const v of violations) {
    const shown = v.targets.slice(0, 8).join(' | ');
    const more = v.targets.length > 8 ? ` | … ${v.targets.length - 8} more` : '';
    lines.push(`  ${v.where}: ${v.rule} (${v.impact}, ${v.targets.length}×) ${v.help} — ${shown}${more}`);
  }
  return lines.join('\n');
}

/** Fails when axe finds a WCAG 2.0/2.1 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await settled(page);
  const violations = await axeViolations(page, where);
  record(violations);
  if (violations.length > 0) throw new Error(formatViolations(violations));
}

// --- The watch: every page of every context the suites open -------------------------------------

interface Watched {
  /** Requests in flight, counted from the page's own request events. */
  inFlight: number;
  /** The routes checked already (a route is checked once per page, at its first settled view). */
  checked: Set<string>;
  /** The run under way (runs of one page never overlap). */
  queue: Promise<void>;
}

const watched = new Map<Page, Watched>();
let pending: Violation[] = [];
const seen = new Set<string>();

/** Keeps new violations (one target reported once per page) for the test's afterEach, and logs them all for the record. */
function record(violations: Violation[]): void {
  const fresh: Violation[] = [];
  for (const violation of violations) {
    const targets = violation.targets.filter((target) => {
      const key = `${violation.where}|${violation.rule}|${target}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (targets.length > 0) fresh.push({ ...violation, targets });
  }
  if (fresh.length === 0) return;
  pending.push(...fresh);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.basename(expect.getState().testPath ?? 'unknown');
  fs.appendFileSync(
    path.join(artifactsDir, 'accessibility.jsonl'),
    `${fresh.map((violation) => JSON.stringify({ file, ...violation })).join('\n')}\n`,
  );
}

const QUIET_MS = 400;
const SETTLE_LIMIT_MS = 10_000;

/**
 * Waits until the page has no request in flight, no spinner or skeleton, and no finite
 * animation running (antd fades dialogs and messages in: a half-faded text has a low contrast
 * that is not the page's) for QUIET_MS; gives up waiting after SETTLE_LIMIT_MS and checks anyway.
 */
async function settled(page: Page): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const busy = await page.evaluate(() => {
      const spinning = document.querySelector('.ant-spin-spinning, .ant-skeleton-active') !== null;
      const moving = document
        .getAnimations()
        .some(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getComputedTiming().iterations !== Infinity,
        );
      return spinning || moving;
    });
    if (busy || (watched.get(page)?.inFlight ?? 0) > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
  }
}

/** Errors of a page that navigated or closed while it was being checked: its next route is checked instead. */
const gone = (error: unknown): boolean =>
  /Execution context was destroyed|Target .*closed|has been closed|navigat/i.test(String(error));

/** Checks the page's current route if it has not been checked yet, after it settles. */
function checkRoute(page: Page, state: Watched): Promise<void> {
  state.queue = state.queue.then(async () => {
    if (page.isClosed()) return;
    try {
      await settled(page);
      const route = new URL(page.url()).pathname;
      if (state.checked.has(route) || page.url() === 'about:blank') return;
      const violations = await axeViolations(page);
      state.checked.add(route);
      record(violations);
    } catch (error) {
      if (!gone(error)) throw error;
    }
  });
  return state.queue;
}

/** Watches a page: each route it shows is checked once it settles. */
export function watchPage(page: Page): void {
  if (!axeAvailable() || watched.has(page)) return;
  const state: Watched = { inFlight: 0, checked: new Set(), queue: Promise.resolve() };
  watched.set(page, state);
  // Every request counts, not only the API's: a page loaded lazily (a script chunk) leaves the
  // previous page on screen under the new address until it arrives, and checked then, the old
  // page's violations would be reported under the new page's name.
  page.on('request', () => {
    state.inFlight += 1;
  });
  const done = () => {
    state.inFlight = Math.max(0, state.inFlight - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) void checkRoute(page, state).catch(() => undefined);
  });
  page.on('close', () => watched.delete(page));
}

/** Finishes the checks under way and checks each open page's current route (called before a context closes and after each test). */
export async function checkOpenPages(pages: Page[] = [...watched.keys()]): Promise<void> {
  await Promise.all(
    pages.map((page) => {
      const state = watched.get(page);
      return state ? checkRoute(page, state).catch(() => undefined) : undefined;
    }),
  );
}

/** The violations found since the last call, formatted, or null when there were none. */
export async function takeViolations(): Promise<string | null> {
  await checkOpenPages();
  const found = pending;
  pending = [];
  return found.length > 0 ? formatViolations(found) : null;
}
