import dayjs from 'dayjs';
import { ZONE } from '../../lib/time';

/** Beijing time without seconds: what a phone screen has room for. */
export const shortTime = (iso: string): string => dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm');

/**
 * The last day of a deadline: deadlines end at midnight Beijing time, so 2026-12-03 00:00 is
 * "by 2026-12-02" to a resident.
 */
export const deadlineDay = (iso: string): string =>
  dayjs(iso).subtract(1, 'millisecond').tz(ZONE).format('YYYY-MM-DD');
