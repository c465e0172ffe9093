/**
 * China keeps one time zone, UTC+8 all year with no daylight saving: every calendar date, month and
 * "today" of the platform is a Beijing one, whatever the server's own zone. The one place that
 * turns instants into Beijing dates and back.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** An instant as a Date, an ISO string or milliseconds since the epoch. */
export type Instant = Date | string | number;
const asDate = (at: Instant): Date => (at instanceof Date ? at : new Date(at));

/** The Beijing calendar date of an instant: '2026-12-06'. */
export const beijingDate = (at: Instant): string =>
  new Date(asDate(at).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** The Beijing month of an instant: '2026-12'. */
export const beijingMonth = (at: Instant): string => beijingDate(at).slice(0, 7);

/** The Beijing year of an instant. */
export const beijingYear = (at: Instant): number => Number(beijingDate(at).slice(0, 4));

/** The instant a Beijing date begins: '2026-12-06' → 2026-12-05T16:00:00.000Z. */
export const startOfBeijingDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

/** The instant after a Beijing date ends (the next day's start). */
export const endOfBeijingDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS).toISOString();

/** An instant as Beijing wall time, YYYY-MM-DD HH:mm, for messages. */
export const formatBeijing = (iso: string): string =>
  new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
