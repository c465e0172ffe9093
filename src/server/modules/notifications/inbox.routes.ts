import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import { inboxSchema } from '../../../shared/api/notifications.js';
import type { ServiceContext } from '../../services.js';
import { InboxService } from './inbox.service.js';

/** The signed-in user's in-app messages: orders dispatched to them, overdue, urged, reopened. */
export const inboxRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const inbox = new InboxService(ctx);
  app.get(
    '/api/me/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        response: { 200: inboxSchema, ...errorResponses },
      },
    },
    async (request) => inbox.recent(request.principal.userId),
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await inbox.markRead(request.principal.userId, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
