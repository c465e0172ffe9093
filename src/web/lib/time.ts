import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The district's clock: times are shown in Beijing time whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

export const formatTime = (iso: string): string => dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm:ss');

export const formatDate = (iso: string): string => dayjs(iso).tz(ZONE).format('YYYY-MM-DD');

/** For a list's narrow column: 12-06 14:30 within the current year, else 2025-12-06 (the full time on hover). */
export const formatShortTime = (iso: string, now: number = Date.now()): string => {
  const time = dayjs(iso).tz(ZONE);
  return time.year() === dayjs(now).tz(ZONE).year() ? time.format('MM-DD HH:mm') : time.format('YYYY-MM-DD');
};

/** The first instant of a calendar day in Beijing, as an ISO datetime with offset. */
export const startOfDay = (day: Dayjs): string => dayjs.tz(day.format('YYYY-MM-DD'), ZONE).format();

/** The last instant of a calendar day in Beijing, as an ISO datetime with offset. */
export const endOfDay = (day: Dayjs): string =>
  dayjs.tz(day.format('YYYY-MM-DD'), ZONE).endOf('day').format('YYYY-MM-DDTHH:mm:ss.SSSZ');
