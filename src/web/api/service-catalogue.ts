import { queryOptions } from '@tanstack/react-query';
import {
  type CalendarDay,
  calendarDayListSchema,
  categoryListSchema,
  categorySchema,
  hotlineListSchema,
  hotlineSchema,
  type ServiceCategory,
} from '../../shared/api/catalogue';
import { noContent } from '../../shared/api/common';
import { api } from './client';

export type { CalendarDay, Hotline, ServiceCategory } from '../../shared/api/catalogue';

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
  queryFn: () => api('GET', '/api/service-categories', categoryListSchema).then((r) => r.items),
  staleTime: 5 * 60_000,
});

/** A group has no parent; a category's code is its group's code, a dot and its own (`livelihood.repair`). */
export const createCategory = (
  body: CategoryInput & { code: string; parentCode?: string; districtCode?: string },
) => api('POST', '/api/service-categories', categorySchema, { body });

export const updateCategory = (code: string, body: Partial<CategoryInput>) =>
  api('PATCH', `/api/service-categories/${encodeURIComponent(code)}`, categorySchema, { body });

/** Switches a category on or off in one district (a shared one for that district only). */
export const setDistrictCategory = (district: string, code: string, active: boolean) =>
  api('PUT', `/api/districts/${district}/service-categories/${encodeURIComponent(code)}`, categorySchema, {
    body: { active },
  });

/** Where a calendar day lives: the shared calendar, or one district's own exceptions. */
const calendarPath = (date: string, districtCode: string | null) =>
  districtCode ? `/api/districts/${districtCode}/calendar/${date}` : `/api/calendar/${date}`;

export const calendarQuery = (year: number) =>
  queryOptions({
    queryKey: catalogueKeys.calendar(year),
    queryFn: () =>
      api('GET', '/api/calendar', calendarDayListSchema, { query: { year } }).then((r) => r.items),
  });

export const putCalendarDay = (day: CalendarDay) =>
  api('PUT', calendarPath(day.date, day.districtCode), noContent, {
    body: { kind: day.kind, name: day.name },
  });

export const deleteCalendarDay = (day: Pick<CalendarDay, 'date' | 'districtCode'>) =>
  api('DELETE', calendarPath(day.date, day.districtCode), noContent);

export const hotlinesQuery = queryOptions({
  queryKey: catalogueKeys.hotlines,
  queryFn: () => api('GET', '/api/hotlines', hotlineListSchema).then((r) => r.items),
  staleTime: 60_000,
});

export const createHotline = (body: { number: string; name: string; regionCode: string }) =>
  api('POST', '/api/hotlines', hotlineSchema, { body });

export const updateHotline = (id: string, body: { name?: string; active?: boolean }) =>
  api('PATCH', `/api/hotlines/${id}`, hotlineSchema, { body });
