/** Square decimetres (hundredths of a square metre, as the server keeps areas) as m²: 12034 → "120.34". */
export const squareMetres = (dm2: number): string =>
  (dm2 / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** m² typed in a form (up to two decimals) as the integer square decimetres the server takes. */
export const dm2Of = (m2: number | undefined): number => Math.round((m2 ?? 0) * 100);
