import { infiniteQueryOptions } from '@tanstack/react-query';
import { auditPageSchema } from '../../shared/api/audit';
import { api } from './client';

export interface AuditFilter {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  /** ISO datetimes with offset, or empty. */
  from: string;
  to: string;
}

export const emptyAuditFilter: AuditFilter = {
  actor: '',
  action: '',
  targetType: '',
  targetId: '',
  from: '',
  to: '',
};

const PAGE_SIZE = 50;

export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', filter] as const,
    queryFn: ({ pageParam, signal }) =>
      api('GET', '/api/audit', auditPageSchema, {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
