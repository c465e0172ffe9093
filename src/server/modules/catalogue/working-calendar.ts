/**
 * Working days and hours in Beijing time (UTC+8 all year, no daylight saving): Monday to Friday,
 * except public holidays, plus the weekend days worked in exchange (调休). Working hours are
 * 09:00–17:00. Deadlines end at midnight Beijing time of their last day.
 */
import { BEIJING_OFFSET_MS, beijingDate } from '../../../shared/beijing-time.js';

const DAY_MS = 86_400_000;
const WORK_START_HOUR = 9;
const WORK_END_HOUR = 17;

export type CalendarExceptions = ReadonlyMap<string, 'holiday' | 'workday'>;

/** Midnight Beijing time at the start of a date, as an instant. */
const startOfBeijingDay = (date: string): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS);

const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

export class WorkingCalendar {
  constructor(private readonly exceptions: CalendarExceptions) {}

  isWorkingDay(date: string): boolean {
    const exception = this.exceptions.get(date);
    if (exception) return exception === 'workday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The deadline for resolving: the end of the Nth working day after the day of receipt, or the
   * end of the day of receipt itself for N = 0 (urgent, same day).
   */
  resolveDeadline(receivedAt: Date, workingDays: number): Date {
    let date = beijingDate(receivedAt);
    for (let counted = 0; counted < workingDays; ) {
      date = nextDate(date);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return startOfBeijingDay(nextDate(date));
  }

  /** The callback deadline: the end of the first working day after closing. */
  callbackDeadline(closedAt: Date): Date {
    return this.resolveDeadline(closedAt, 1);
  }

  /** The instant when `hours` working hours have passed since `start` (for signing). */
  addWorkingHours(start: Date, hours: number): Date {
    let remainingMs = hours * 3_600_000;
    let date = beijingDate(start);
    let cursor = start.getTime();
    for (let guard = 0; guard < 3660; guard += 1) {
      if (this.isWorkingDay(date)) {
        const dayStart = startOfBeijingDay(date).getTime();
        const open = dayStart + WORK_START_HOUR * 3_600_000;
        const close = dayStart + WORK_END_HOUR * 3_600_000;
        const from = Math.max(cursor, open);
        if (from < close) {
          if (from + remainingMs <= close) return new Date(from + remainingMs);
          remainingMs -= close - from;
        }
      }
      date = nextDate(date);
      cursor = startOfBeijingDay(date).getTime();
    }
    throw new Error('No working hours within ten years: the calendar marks every day a holiday');
  }
}
