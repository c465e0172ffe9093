/**
 * bench/first-load: the compressed JavaScript a phone downloads to open the grid worker's home
 * (/home) on a first visit: the entry chunk, the phone home's own chunk and every chunk either
 * imports statically, from the built manifest (`vite build`, which writes .vite/manifest.json and
 * the .br/.gz copies the server sends). Target: under 400 KB of brotli → ratio ≤ 1.
 *   npx vite build && npm run bench -- first-load [--dist dist/web]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TARGET_BYTES = 400 * 1024;
/** The route the bench measures, as the manifest names its lazy page (src/web/AppRoutes.tsx). */
const PHONE_HOME = 'pages/phone/PhoneHomePage.tsx';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const distFlag = process.argv.indexOf('--dist');
const dist = path.resolve(distFlag > 0 ? (process.argv[distFlag + 1] ?? '') : 'dist/web');
const manifestPath = path.join(dist, '.vite/manifest.json');
if (!fs.existsSync(manifestPath)) {
  process.stderr.write(`No ${manifestPath}: build the web app first (npx vite build).\n`);
  process.exit(2);
}
const manifest: Record<string, ManifestChunk> = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entry || !manifest[PHONE_HOME]) {
  process.stderr.write(`The manifest has no entry or no ${PHONE_HOME}.\n`);
  process.exit(2);
}

/** The chunk and everything it imports statically: what the browser fetches before it runs. */
function closure(key: string, seen: Set<string>): void {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
}
const keys = new Set<string>();
closure(entry, keys);
closure(PHONE_HOME, keys);

/** The size a browser downloads: the build's own compressed copy, or compressed here. */
function compressed(file: string, extension: 'br' | 'gz'): number {
  const copy = `${file}.${extension}`;
  if (fs.existsSync(copy)) return fs.statSync(copy).size;
  const content = fs.readFileSync(file);
  return (extension === 'br' ? zlib.brotliCompressSync(content) : zlib.gzipSync(content, { level: 9 }))
    .length;
}

const rows = [...keys].map((key) => {
  const file = path.join(dist, manifest[key]!.file);
  return {
    chunk: manifest[key]!.file,
    raw: fs.statSync(file).size,
    br: compressed(file, 'br'),
    gz: compressed(file, 'gz'),
  };
});
rows.sort((a, b) => b.br - a.br);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
for (const row of rows) {
  process.stdout.write(
    `${row.chunk.padEnd(48)} ${String(kb(row.raw)).padStart(8)} KB  br ${String(kb(row.br)).padStart(7)} KB  gz ${String(kb(row.gz)).padStart(7)} KB\n`,
  );
}
const total = (field: 'raw' | 'br' | 'gz') => rows.reduce((sum, row) => sum + row[field], 0);
process.stdout.write(
  `${JSON.stringify({
    bench: 'first-load',
    route: '/home',
    chunks: rows.length,
    rawBytes: total('raw'),
    brotliBytes: total('br'),
    gzipBytes: total('gz'),
    targetBytes: TARGET_BYTES,
    target: 1,
    ratio: Math.round((total('br') / TARGET_BYTES) * 1000) / 1000,
  })}\n`,
);
