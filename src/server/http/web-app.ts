import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { markRoutesPublic } from './public-routes.js';

/** Serves the built React app; unknown non-API paths fall back to index.html (see error-handler). */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(async (web) => {
    markRoutesPublic(web, 'web app assets');
    await web.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: 'index.html' });
  });
}
