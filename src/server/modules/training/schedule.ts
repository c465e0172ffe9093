/**
 * Sessions in bulk: `count` sessions on the given ISO weekdays (1 = Monday … 7 = Sunday) from
 * `firstDate` on, each from `startTime` to `endTime` Beijing time (UTC+8, no summer time).
 */
export function sessionTimes(input: {
  firstDate: string;
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
  count: number;
}): { startsAt: string; endsAt: string }[] {
  const out: { startsAt: string; endsAt: string }[] = [];
  const day = new Date(`${input.firstDate}T00:00:00Z`);
  while (out.length < input.count) {
    const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    if (input.weekdays.includes(weekday)) {
      const date = day.toISOString().slice(0, 10);
      out.push({
        startsAt: new Date(`${date}T${input.startTime}:00+08:00`).toISOString(),
        endsAt: new Date(`${date}T${input.endTime}:00+08:00`).toISOString(),
      });
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

/** The day six months after a date (the follow-up's due day), clamped to the month's end. */
export function sixMonthsAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 6;
  const year = y + Math.floor(month / 12);
  const monthIndex = month % 12;
  const last = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, monthIndex, Math.min(d, last))).toISOString().slice(0, 10);
}
