import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/api/common.js';
import { articleReportQuery, articleReportSchema } from '../../../shared/api/report.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { articleReport } from './article-report.js';

export const reportRoutes: FastifyPluginAsyncZod<{ database: Database; districtCode: string }> = async (
  app,
  { database, districtCode },
) => {
  app.get(
    '/api/report/article',
    {
      // The figures are a whole district's: whoever reads the district's regions may compare them.
      config: { permission: 'region.read' },
      schema: {
        tags: ['report'],
        summary: 'The article’s figures next to the platform’s own counts for a district (重现文章)',
        querystring: articleReportQuery,
        response: { 200: articleReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const district = request.query.district ?? districtCode;
      // Only for callers whose scope is the whole district; anyone else is told it does not exist.
      if (!request.principal.scope.includes(district)) throw notFound('region.not_found', { code: district });
      return articleReport(database.db, district);
    },
  );
};
