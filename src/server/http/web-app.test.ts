import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { precompressFile } from '../../../scripts/web-build/precompress.js';
import { buildApp } from '../app.js';
import { describeEachDialect } from '../testing/test-env.js';
import { cacheControlOf } from './web-app.js';

// A built app in miniature: index.html, a hashed script with the build's brotli and gzip copies,
// the service worker.
const script = `export const greeting = ${JSON.stringify('连心 '.repeat(2000))};\n`;
let webRoot = '';

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-D0teFGwE.js"></script>',
  );
  fs.writeFileSync(path.join(webRoot, 'assets/index-D0teFGwE.js'), script);
  await precompressFile(path.join(webRoot, 'assets/index-D0teFGwE.js'));
  fs.writeFileSync(path.join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
});

afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

describeEachDialect('the web app’s static files', (env) => {
  const get = async (url: string, acceptEncoding: string) => {
    const app = await buildApp({ config: env.config, database: env.database, webRoot });
    try {
      return await app.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });
    } finally {
      await app.close();
    }
  };

  it('sends a hashed script brotli-compressed, cached for a year and immutable', async () => {
    const response = await get('/assets/index-D0teFGwE.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.headers['content-type']).toContain('javascript');
    const body = zlib.brotliDecompressSync(response.rawPayload).toString();
    expect(body).toBe(script);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzipped = await get('/assets/index-D0teFGwE.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-D0teFGwE.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never lets a browser keep index.html or the service worker without asking', async () => {
    for (const url of ['/', '/index.html', '/work-orders/some-order', '/sw.js']) {
      const response = await get(url, 'gzip, br');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('does not take an unhashed name in assets for a hashed one', () => {
    expect(cacheControlOf('/srv/web/assets/logo.svg')).toBe('no-cache');
    expect(cacheControlOf('/srv/web/assets/index-D0teFGwE.js.br')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlOf('/srv/web/index.html')).toBe('no-cache');
  });
});
