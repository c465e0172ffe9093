import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, limitSchema, optionalText } from '../../../shared/api/common.js';
import type { Database } from '../../db/database.js';
import { cursorParam, decodeCursor, page } from '../../http/pagination.js';
import { AuditLogService } from './audit-log.service.js';

const isoTime = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value).toISOString())
    .optional(),
);

const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    regionCode: z.string(),
    summary: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  const auditLog = new AuditLogService(database);
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, filtered by user, action prefix, target and time',
        querystring: z.object({
          actor: optionalText(32),
          action: optionalText(64),
          targetType: optionalText(32),
          targetId: optionalText(64),
          from: isoTime,
          to: isoTime,
          cursor: cursorParam,
          limit: limitSchema,
        }),
        response: {
          200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const before = decodeCursor(cursor, ['int']);
      const rows = await auditLog.list(request.principal.scope, {
        ...filter,
        limit: limit + 1,
        beforeSeq: before?.[0],
      });
      const { items, nextCursor } = page(rows, limit, (last) => [Number(last.seq)]);
      return {
        items: items.map((row) => ({
          seq: Number(row.seq),
          at: row.at,
          actor: row.actor_name,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          regionCode: row.region_code,
          summary: JSON.parse(row.summary) as Record<string, unknown>,
          ip: row.ip,
          requestId: row.request_id,
        })),
        nextCursor,
      };
    },
  );
};
