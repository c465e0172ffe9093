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
  /** The district whose own category this is; null: shared by the installation. */
  districtCode: string | null;
  /** Whether it is active in each of the caller's districts (a district may switch a shared one off). */
  districts: { districtCode: string; active: boolean }[];
}

export type CategoryInput = Omit<
  ServiceCategory,
  'code' | 'parentCode' | 'active' | 'districtCode' | 'districts'
> & {
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
export const createCategory = (
  body: CategoryInput & { code: string; parentCode?: string; districtCode?: string },
) => api<ServiceCategory>('POST', '/api/service-categories', { body });

export const updateCategory = (code: string, body: Partial<CategoryInput>) =>
  api<ServiceCategory>('PATCH', `/api/service-categories/${encodeURIComponent(code)}`, { body });

/** Switches a category on or off in one district (a shared one for that district only). */
export const setDistrictCategory = (district: string, code: string, active: boolean) =>
  api<ServiceCategory>('PUT', `/api/districts/${district}/service-categories/${encodeURIComponent(code)}`, {
    body: { active },
  });

/**
 * An exception to Monday–Friday: a public holiday, or a weekend day worked instead. Shared by the
 * installation (`districtCode` null) or a district's own, which overlays the shared one there.
 */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  districtCode: string | null;
}

/** Where a calendar day lives: the shared calendar, or one district's own exceptions. */
const calendarPath = (date: string, districtCode: string | null) =>
  districtCode ? `/api/districts/${districtCode}/calendar/${date}` : `/api/calendar/${date}`;

export const calendarQuery = (year: number) =>
  queryOptions({
    queryKey: catalogueKeys.calendar(year),
    queryFn: () => api<Items<CalendarDay>>('GET', '/api/calendar', { query: { year } }).then((r) => r.items),
  });

export const putCalendarDay = (day: CalendarDay) =>
  api<void>('PUT', calendarPath(day.date, day.districtCode), { body: { kind: day.kind, name: day.name } });

export const deleteCalendarDay = (day: Pick<CalendarDay, 'date' | 'districtCode'>) =>
  api<void>('DELETE', calendarPath(day.date, day.districtCode));

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
