import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuery } from '../../../shared/api/audit.js';
import { errorResponses } from '../../../shared/api/common.js';
import type { Database } from '../../db/database.js';
import { decodeCursor, page } from '../../http/pagination.js';
import { AuditLogService } from './audit-log.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  const auditLog = new AuditLogService(database);
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, filtered by user, action prefix, target and time',
        querystring: auditQuery,
        response: { 200: auditPageSchema, ...errorResponses },
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
