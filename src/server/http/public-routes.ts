import type { FastifyInstance } from 'fastify';

/**
 * Marks every route registered in this context as public, with a reason. For third-party plugins
 * (static files, API docs) whose routes we do not declare ourselves.
 */
export function markRoutesPublic(context: FastifyInstance, reason: string): void {
  context.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: reason };
  });
}
