import type { CaseSummary } from '../../api/relocation';

/** Square decimetres (hundredths of a square metre, as the server keeps areas) as m²: 12034 → "120.34". */
export const squareMetres = (dm2: number): string =>
  (dm2 / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** m² typed in a form (up to two decimals) as the integer square decimetres the server takes. */
export const dm2Of = (m2: number | undefined): number => Math.round((m2 ?? 0) * 100);

/** A case's status tag colour: green once resettled, orange while a household waits for its flat. */
export const STATUS_COLOURS: Record<CaseSummary['status'], string | undefined> = {
  surveyed: undefined,
  agreed: 'blue',
  paid: 'cyan',
  moved: 'orange',
  resettled: 'green',
  withdrawn: 'default',
};
