import { queryOptions } from '@tanstack/react-query';
import { householdSchema, neighbourListSchema, neighbourMapSchema } from '../../shared/api/register';
import { api } from './client';

export const householdKeys = {
  all: ['households'] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  neighbours: (id: string) => ['households', 'neighbours', id] as const,
  map: (code: string) => ['households', 'map', code] as const,
};

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: householdKeys.detail(id),
    queryFn: () => api('GET', `/api/households/${id}`, householdSchema),
    retry: false,
  });

export const neighboursQuery = (id: string) =>
  queryOptions({
    queryKey: householdKeys.neighbours(id),
    queryFn: () => api('GET', `/api/households/${id}/neighbours`, neighbourListSchema).then((r) => r.items),
  });

/** A grid's buildings and loose households, or a building's households. */
export const neighbourMapQuery = (code: string) =>
  queryOptions({
    queryKey: householdKeys.map(code),
    queryFn: () => api('GET', `/api/regions/${code}/neighbour-map`, neighbourMapSchema),
  });
