import { queryOptions } from '@tanstack/react-query';
import { visitMapSchema } from '../../shared/api/visit-map';
import { api } from './client';

/** The grid's map by visit state (`GET /api/visit-map/{code}`); keys under visits' root key. */

export type { VisitMap, VisitMapState } from '../../shared/api/visit-map';

export const visitMapQuery = (code: string, campaign: string | undefined) =>
  queryOptions({
    queryKey: ['visits', 'map', code, campaign ?? ''] as const,
    queryFn: () => api('GET', `/api/visit-map/${code}`, visitMapSchema, { query: { campaign } }),
  });
