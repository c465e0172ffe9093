/** The calendar day (YYYY-MM-DD) in Beijing at an instant: what "today" means for a meeting's date. */
export const beijingDay = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Two letters or digits at least (a Chinese character is a letter): the rule of every reason. */
export const meaningful = (text: string | undefined): boolean =>
  ((text ?? '').match(/[\p{L}\p{N}]/gu) ?? []).length >= 2;
