import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../shared/api/common.js';
import { ARTICLE_INDICATORS } from '../../../shared/article-figures.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { articleReport } from './article-report.js';

const articleRowSchema = z
  .object({
    indicator: z.enum(ARTICLE_INDICATORS),
    article: z.number(),
    platform: z.number().nullable(),
    scaled: z.number().nullable(),
    difference: z.number().nullable(),
    name: z.string(),
    nameEn: z.string(),
    quote: z.string(),
    of: z.number().optional(),
  })
  .meta({ id: 'ArticleRow' });

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
        querystring: z.object({
          district: z
            .string()
            .regex(/^\d{6}$/, 'field.region_code')
            .optional(),
        }),
        response: {
          200: z.object({
            district: z.object({ code: z.string(), name: z.string() }),
            population: z.object({ persons: z.number(), households: z.number(), workOrders: z.number() }),
            rows: z.array(articleRowSchema),
          }),
          ...errorResponses,
        },
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
