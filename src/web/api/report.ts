import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface ArticleRow {
  indicator: string;
  article: number;
  platform: number | null;
  scaled: number | null;
  difference: number | null;
  name: string;
  nameEn: string;
  quote: string;
  of?: number;
}

export interface ArticleReport {
  district: { code: string; name: string };
  population: { persons: number; households: number; workOrders: number };
  rows: ArticleRow[];
}

export const articleReportQuery = (district: string) =>
  queryOptions({
    queryKey: ['report', 'article', district] as const,
    queryFn: ({ signal }) =>
      api<ArticleReport>('GET', '/api/report/article', { query: { district }, signal }),
    retry: false,
  });
