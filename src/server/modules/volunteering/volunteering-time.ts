/** Calendar dates of the volunteering module are Beijing dates (UTC+8). */
const BEIJING_OFFSET_MS = 8 * 3600_000;

export const beijingDate = (at: Date): string =>
  new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

export const beijingMonth = (iso: string): string =>
  new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 7);

/** The instant a Beijing date begins: '2026-12-06' → 2026-12-05T16:00:00.000Z. */
export const startOfBeijingDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

/** The instant after a Beijing date ends (the next day's start). */
export const endOfBeijingDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
