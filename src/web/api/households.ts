import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Household, Items, Neighbour, NeighbourMap } from './types';

export const householdKeys = {
  all: ['households'] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  neighbours: (id: string) => ['households', 'neighbours', id] as const,
  map: (code: string) => ['households', 'map', code] as const,
};

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: householdKeys.detail(id),
    queryFn: () => api<Household>('GET', `/api/households/${id}`),
    retry: false,
  });

export const neighboursQuery = (id: string) =>
  queryOptions({
    queryKey: householdKeys.neighbours(id),
    queryFn: () => api<Items<Neighbour>>('GET', `/api/households/${id}/neighbours`).then((r) => r.items),
  });

/** A grid's buildings and loose households, or a building's households. */
export const neighbourMapQuery = (code: string) =>
  queryOptions({
    queryKey: householdKeys.map(code),
    queryFn: () => api<NeighbourMap>('GET', `/api/regions/${code}/neighbour-map`),
  });
