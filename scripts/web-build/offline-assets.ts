import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The pages a grid worker opens in the field, as Vite's manifest names their source (src/web).
 * The service worker keeps their scripts on the phone when it installs, so that moving to one of
 * them without a network (the phone home with its drafts, an order, a resident) still works: a
 * page first visited before the service worker took control was never cached by it, and a lazy
 * page whose script cannot load leaves nothing on the screen.
 */
export const FIELD_PAGES = [
  'pages/phone/PhoneHomePage.tsx',
  'pages/work-orders/WorkOrdersPage.tsx',
  'pages/work-orders/detail/WorkOrderPage.tsx',
  'pages/persons/PersonsPage.tsx',
  'pages/persons/PersonPage.tsx',
  'pages/households/HouseholdPage.tsx',
  'pages/regions/RegionPage.tsx',
  'pages/visits/MyVisitsPage.tsx',
  'pages/visits/RecordVisitPage.tsx',
  // Not a page: the English words, a chunk of their own, for a worker who uses the app in English.
  'i18n/english.ts',
] as const;

/** The file this plugin writes next to index.html; public/sw.js reads it when it installs. */
export const OFFLINE_ASSETS_FILE = 'offline-assets.json';

export interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * Every script and style the given pages need (their static imports, transitively), as URL paths.
 * Dynamic imports inside a page (the cockpit's charts, the QR library) are left to load online.
 */
export function offlineAssetsOf(manifest: Record<string, ManifestChunk>, pages: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The web build's manifest has no ${key}`);
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const page of pages) visit(page);
  return [...files].sort();
}

/** Writes `offline-assets.json` from the manifest once the bundle is on disk; fails the build if a field page is gone. */
export function offlineAssets(): Plugin {
  let outDir = '';
  return {
    name: 'lianxin-offline-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'),
      ) as Record<string, ManifestChunk>;
      const assets = offlineAssetsOf(manifest, FIELD_PAGES);
      fs.writeFileSync(path.join(outDir, OFFLINE_ASSETS_FILE), `${JSON.stringify(assets)}\n`);
    },
  };
}
