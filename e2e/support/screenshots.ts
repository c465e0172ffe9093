import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server';

export const artifactsDir = path.join(repoRoot, 'test-artifacts/e2e');

/** Numbered full-page screenshots (01-login.png, 02-…) of one test run, in a fresh folder. */
export function screenshotRecorder(page: Page) {
  fs.rmSync(artifactsDir, { recursive: true, force: true });
  fs.mkdirSync(artifactsDir, { recursive: true });
  let step = 0;
  return async (name: string): Promise<void> => {
    step += 1;
    const file = `${String(step).padStart(2, '0')}-${name}.png`;
    // Let antd's motion (modals, messages, tree expansion) settle first.
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(artifactsDir, file), fullPage: true });
  };
}
