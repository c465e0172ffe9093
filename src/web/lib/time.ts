import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The district's clock: times are shown in Beijing time whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

export const formatTime = (iso: string): string => dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm:ss');

export const formatDate = (iso: string): string => dayjs(iso).tz(ZONE).format('YYYY-MM-DD');

/** The first instant of a calendar day in Beijing, as an ISO datetime with offset. */
export const startOfDay = (day: Dayjs): string => dayjs.tz(day.format('YYYY-MM-DD'), ZONE).format();

/** The last instant of a calendar day in Beijing, as an ISO datetime with offset. */
export const endOfDay = (day: Dayjs): string =>
  dayjs.tz(day.format('YYYY-MM-DD'), ZONE).endOf('day').format('YYYY-MM-DDTHH:mm:ss.SSSZ');
