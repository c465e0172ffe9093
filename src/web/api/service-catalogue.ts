import { queryOptions } from '@tanstack/react-query';
import type { CategoryAttribute, HandlerKind } from '../../shared/work-orders';
import { api } from './client';
import type { Items } from './types';

/** One entry of the service catalogue: a group (no parent) or a category orders are taken in. */
export interface ServiceCategory {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  description: string;
  handlerKind: HandlerKind;
  signHours: number;
  resolveDays: number;
  proxy: boolean;
  attributes: CategoryAttribute[];
  keywords: string;
  active: boolean;
  sort: number;
}

export type CategoryInput = Omit<ServiceCategory, 'code' | 'parentCode' | 'active'> & {
  active?: boolean;
};

export const catalogueKeys = {
  categories: ['service-categories'] as const,
  calendar: (year: number) => ['calendar', year] as const,
  hotlines: ['hotlines'] as const,
};

export const categoriesQuery = queryOptions({
  queryKey: catalogueKeys.categories,
  queryFn: () => api<Items<ServiceCategory>>('GET', '/api/service-categories').then((r) => r.items),
  staleTime: 5 * 60_000,
});

/** A group has no parent; a category's code is its group's code, a dot and its own (`livelihood.repair`). */
export const createCategory = (body: CategoryInput & { code: string; parentCode?: string }) =>
  api<ServiceCategory>('POST', '/api/service-categories', { body });

export const updateCategory = (code: string, body: Partial<CategoryInput>) =>
  api<ServiceCategory>('PATCH', `/api/service-categories/${encodeURIComponent(code)}`, { body });

/** An exception to Monday–Friday: a public holiday, or a weekend day worked instead. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export const calendarQuery = (year: number) =>
  queryOptions({
    queryKey: catalogueKeys.calendar(year),
    queryFn: () => api<Items<CalendarDay>>('GET', '/api/calendar', { query: { year } }).then((r) => r.items),
  });

export const putCalendarDay = (day: CalendarDay) =>
  api<void>('PUT', `/api/calendar/${day.date}`, { body: { kind: day.kind, name: day.name } });

export const deleteCalendarDay = (date: string) => api<void>('DELETE', `/api/calendar/${date}`);

/** A 24-hour line; orders taken on it start at its unit. */
export interface Hotline {
  id: string;
  number: string;
  name: string;
  regionCode: string;
  active: boolean;
}

export const hotlinesQuery = queryOptions({
  queryKey: catalogueKeys.hotlines,
  queryFn: () => api<Items<Hotline>>('GET', '/api/hotlines').then((r) => r.items),
  staleTime: 60_000,
});

export const createHotline = (body: { number: string; name: string; regionCode: string }) =>
  api<Hotline>('POST', '/api/hotlines', { body });

export const updateHotline = (id: string, body: { name?: string; active?: boolean }) =>
  api<Hotline>('PATCH', `/api/hotlines/${id}`, { body });
