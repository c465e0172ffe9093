import type { FastifyInstance } from 'fastify';

/**
 * API answers may carry personal data: no cache may keep them. Pages get the usual hardening;
 * antd's CSS-in-JS needs inline styles, nothing needs inline scripts.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-request-id', String(request.id));
    // The API reader sets its own CSP (api-docs.ts); it must not be framed either.
    if (request.url.startsWith('/api/docs')) {
      reply.header('x-frame-options', 'DENY');
      return;
    }
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
      return;
    }
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; frame-ancestors 'none'",
    );
  });
}
