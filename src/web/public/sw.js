// 连心's service worker: the app shell stays on the phone, so that a weak or lost network still
// opens the app. Hashed assets (/assets/*-HASH.js…) never change under their name: cache first.
// index.html names the current assets: network first, the cached copy only when offline. The API
// is never touched: its answers carry personal data and must not be kept (Cache-Control: no-store).
const CACHE = 'lianxin-shell-v2';
const SHELL = '/index.html';
/** Old releases' assets are dropped beyond this many (oldest first). */
const MAX_ASSETS = 300;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(SHELL, { cache: 'no-cache' });
      if (!response.ok) return;
      const html = await response.clone().text();
      await cache.put(SHELL, response);
      // The entry's scripts and styles, so that the first offline start has them.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
      await cache.addAll(assets);
      await keepFieldPages(cache);
    })(),
  );
  self.skipWaiting();
});

/**
 * The scripts of the pages a worker opens in the field (offline-assets.json, written by the build:
 * scripts/web-build/offline-assets.ts), so that moving to one of them offline still works. Best
 * effort: a file that fails to load now is fetched when the page is first opened online.
 */
async function keepFieldPages(cache) {
  try {
    const response = await fetch('/offline-assets.json', { cache: 'no-cache' });
    if (!response.ok) return;
    const assets = await response.json();
    await Promise.allSettled(
      assets.map(async (asset) => {
        if (await cache.match(asset)) return;
        const file = await fetch(asset);
        if (file.ok) await cache.put(asset, file);
      }),
    );
  } catch {
    // No list (a development server) or no network: the pages are cached as they are opened.
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function trim(cache) {
  const keys = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith('/assets/'));
  for (const request of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await cache.delete(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trim(cache);
  }
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Every page of the app is index.html (the client routes): keep the newest one.
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  }
});
