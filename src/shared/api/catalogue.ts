import { z } from 'zod';
import { ATTRIBUTE_TYPES, HANDLER_KINDS } from '../work-orders.js';
import { itemsOf } from './common.js';

/**
 * Response shapes of the service catalogue, the working-day calendar and the hotlines. (Their
 * request schemas still sit in the catalogue routes, which are being moved into their own module.)
 */

/** An attribute a category asks for when an order is taken in, as the catalogue answers it. */
export const categoryAttributeSchema = z.object({
  code: z.string(),
  datatype: z.enum(ATTRIBUTE_TYPES),
  required: z.boolean(),
  description: z.string(),
  order: z.number(),
  /** For value lists: key and display name. */
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});

/** One entry of the service catalogue: a group (no parent) or a category orders are taken in. */
export const categorySchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  handlerKind: z.enum(HANDLER_KINDS),
  signHours: z.number(),
  resolveDays: z.number(),
  proxy: z.boolean(),
  attributes: z.array(categoryAttributeSchema),
  keywords: z.string(),
  active: z.boolean(),
  sort: z.number(),
  /** The district whose own category this is; null: shared by the installation. */
  districtCode: z.string().nullable(),
  /** Whether it is active in each of the caller's districts that see it (after their switches). */
  districts: z.array(z.object({ districtCode: z.string(), active: z.boolean() })),
});
export type ServiceCategory = z.infer<typeof categorySchema>;
export const categoryListSchema = itemsOf(categorySchema);

/** A 24-hour line; orders taken on it start at its unit. */
export const hotlineSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  regionCode: z.string(),
  active: z.boolean(),
});
export type Hotline = z.infer<typeof hotlineSchema>;
export const hotlineListSchema = itemsOf(hotlineSchema);

/**
 * An exception to Monday–Friday: a public holiday, or a weekend day worked instead. Shared by the
 * installation (`districtCode` null) or a district's own, which overlays the shared one there.
 */
export const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  districtCode: z.string().nullable(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;
export const calendarDayListSchema = itemsOf(calendarDaySchema);
