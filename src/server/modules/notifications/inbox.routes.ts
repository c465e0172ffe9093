import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idSchema } from '../../http/common-schemas.js';
import type { ServiceContext } from '../../services.js';
import { inboxRepository } from './inbox.repository.js';
import { renderTemplate, type TemplateCode } from './templates.js';

/** The signed-in user's in-app messages: orders dispatched to them, overdue, urged, reopened. */
export const inboxRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;
  app.get(
    '/api/me/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                template: z.string(),
                text: z.string(),
                workOrderId: z.string().nullable(),
                createdAt: z.string(),
                readAt: z.string().nullable(),
              }),
            ),
            unread: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const userId = request.auth!.user.id;
      const [rows, unread] = await Promise.all([
        inboxRepository.recent(db, userId, 50),
        inboxRepository.unread(db, userId),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          template: row.template,
          text: renderTemplate(
            row.template as TemplateCode,
            JSON.parse(row.params) as Record<string, string>,
          ),
          workOrderId: row.work_order_id,
          createdAt: row.created_at,
          readAt: row.read_at,
        })),
        unread,
      };
    },
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        params: z.object({ id: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await inboxRepository.markRead(db, request.auth!.user.id, request.params.id, ctx.now().toISOString());
      return reply.code(204).send(null);
    },
  );
};
