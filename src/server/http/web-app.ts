import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { markRoutesPublic } from './public-routes.js';

/** Vite names every built script, style and image in /assets/ after a hash of its content. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.[\w.]+$/;

/**
 * A hashed asset never changes under its name: a browser keeps it a year and never asks again.
 * Everything else (index.html, the service worker, the manifest and its icons) names those assets
 * or must update in place, so the browser asks each time (`no-cache` revalidates by ETag).
 */
export function cacheControlOf(filePath: string): string {
  return HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built React app; unknown non-API paths fall back to index.html (see error-handler).
 * The build wrote brotli and gzip copies of the text files (scripts/web-build/precompress.ts):
 * `preCompressed` sends the best one the browser accepts, with `Content-Encoding`.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(async (web) => {
    markRoutesPublic(web, 'web app assets');
    await web.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, filePath) => {
        response.setHeader('cache-control', cacheControlOf(filePath));
        // A shared cache must not hand the brotli copy to a browser that asked for gzip.
        response.setHeader('vary', 'accept-encoding');
      },
    });
  });
}
