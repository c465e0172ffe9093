import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server';

export const artifactsDir = path.join(repoRoot, 'test-artifacts/e2e');

/** The screenshots the documentation shows (README, docs). */
export const docsScreenshotsDir = path.join(repoRoot, 'docs/screenshots');

/**
 * Numbered full-page screenshots of one test file: `01-login.png`, `02-…` (or, with a prefix,
 * `register-01-….png`), into the test artifacts or another folder (`docsScreenshotsDir`). A new
 * run replaces that file's earlier screenshots and leaves the others'.
 */
export function screenshotRecorder(page: Page, prefix = '', dir = artifactsDir) {
  fs.mkdirSync(dir, { recursive: true });
  const own = new RegExp(`^${prefix}\\d{2}-.*\\.png$`);
  for (const file of fs.readdirSync(dir)) {
    if (own.test(file)) fs.rmSync(path.join(dir, file), { force: true });
  }
  let step = 0;
  return async (name: string): Promise<void> => {
    step += 1;
    const file = `${prefix}${String(step).padStart(2, '0')}-${name}.png`;
    // Let antd's motion (modals, messages, tree expansion) settle first.
    await page.waitForTimeout(400);
    // A full-page shot of a scrolled page would draw the sticky header in the middle.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(dir, file), fullPage: true });
  };
}
