import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { markRoutesPublic } from './public-routes.js';

/** OpenAPI 3 from the route schemas at /api/openapi.json, and a reader for people at /api/docs. */
export async function registerApiDocs(
  app: FastifyInstance,
  transforms: Pick<FastifyDynamicSwaggerOptions, 'transform' | 'transformObject'>,
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lianxin 连心 API',
        description: 'Grid-based service platform for a district’s grassroots organizations.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lianxin_session' } } },
      security: [{ session: [] }],
    },
    ...transforms,
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs, 'API documentation');
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      // No calls to the public validator: the reader works on a closed network.
      uiConfig: { validatorUrl: null },
      // The reader's own CSP (hashes of its inline parts), made strict: nothing from other
      // hosts, no framing, and no upgrade to https, which would break a district server on HTTP.
      staticCSP: true,
      transformStaticCSP: (header) =>
        header
          .replace(/ https:/g, '')
          .replace(/ validator\.swagger\.io/g, '')
          .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
          .replace(/ ?upgrade-insecure-requests;?/, ''),
    });
  });
}
