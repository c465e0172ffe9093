/** The calendar day (YYYY-MM-DD) in Beijing at an instant: what "today" means for a record's date. */
export const beijingDay = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
