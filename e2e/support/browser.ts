import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}
