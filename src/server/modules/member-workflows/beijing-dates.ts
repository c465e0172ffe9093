/** Calendar dates are Beijing time (UTC+8): "this month" turns over at midnight in China. */
const BEIJING_OFFSET_MS = 8 * 3600_000;
export const beijingMonth = (now: Date): string =>
  new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
export const beijingYear = (now: Date): number =>
  new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();
