import { z } from 'zod';
import { ARTICLE_INDICATORS } from '../article-figures.js';

/** Request and response shapes of the article report (/api/report/article). */

export const articleReportQuery = z.object({
  district: z
    .string()
    .regex(/^\d{6}$/, 'field.region_code')
    .optional(),
});

export const articleRowSchema = z
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
export type ArticleRow = z.infer<typeof articleRowSchema>;

export const articleReportSchema = z.object({
  district: z.object({ code: z.string(), name: z.string() }),
  population: z.object({ persons: z.number(), households: z.number(), workOrders: z.number() }),
  rows: z.array(articleRowSchema),
});
export type ArticleReport = z.infer<typeof articleReportSchema>;
