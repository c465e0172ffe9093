/**
 * Calendar dates of the loans module: Beijing dates as YYYY-MM-DD, month steps for due dates, and
 * whole days between two dates (computed on UTC midnights, so no daylight-saving step can skew it).
 */
import { beijingDate } from '../../../shared/beijing-time.js';

const DAY_MS = 86_400_000;

/** The end of a Beijing date plus `days` (its next midnight, Beijing time) as an instant. */
export function endOfBeijingDayAfter(at: Date, days: number): string {
  const day = beijingDate(at);
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + (days + 1) * DAY_MS).toISOString();
}

/**
 * The same day `months` months later; a day the month does not have becomes its last day
 * (a loan disbursed on 31 January is due on 28 or 29 February, then on 31 March).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const targetDay = Math.min(day, lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
