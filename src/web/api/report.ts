import { queryOptions } from '@tanstack/react-query';
import { articleReportSchema } from '../../shared/api/report';
import { api } from './client';

export type { ArticleReport, ArticleRow } from '../../shared/api/report';

export const articleReportQuery = (district: string) =>
  queryOptions({
    queryKey: ['report', 'article', district] as const,
    queryFn: ({ signal }) =>
      api('GET', '/api/report/article', articleReportSchema, { query: { district }, signal }),
    retry: false,
  });
