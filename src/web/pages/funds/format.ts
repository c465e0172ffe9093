/** Fen as yuan with both decimals for a ledger: 1234567 → "12,345.67". */
export const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Yuan typed in a form (up to two decimals) as the integer fen the server takes. */
export const fenOf = (yuanValue: number | null | undefined): number => Math.round((yuanValue ?? 0) * 100);

/** Today and this month on the Beijing calendar, as the server counts them. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const beijingMonth = (): string => beijingToday().slice(0, 7);
