/**
 * Registers the service worker (public/sw.js: the app shell kept for a weak network) in a
 * production build only: under `vite dev` it would serve yesterday's modules from its cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // Without it the app works as before; a failure here is no reason to bother the user.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
