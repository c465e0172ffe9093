import type { DuesCalculation, DuesCategory } from '../../../shared/api/funds.js';

/**
 * The dues rules (《关于中国共产党党费收缴、使用和管理的规定》, 2008) as pure functions. Income is the
 * monthly income after tax in fen. In service: up to ¥3,000 (inclusive) 0.5%, above ¥3,000 up to
 * ¥5,000 1%, above ¥5,000 up to ¥10,000 1.5%, above ¥10,000 2%. Retired: up to ¥5,000 0.5%, above 1%.
 * Students, the unemployed and 低保 recipients: a flat ¥0.20 a month.
 *
 * Rounding: the product is rounded half up to the whole fen (¥3,000.10 × 1% = 3,000.1 fen → 3,000
 * fen). No member pays less than the flat ¥0.20: a very small income does not bring dues under what a
 * member without any income pays.
 */
export const FLAT_FEN = 20;

interface Band {
  /** Inclusive upper bound of the band in fen; Infinity for the last. */
  upTo: number;
  rateBp: number;
  name: string;
}

const IN_SERVICE: readonly Band[] = [
  { upTo: 300_000, rateBp: 50, name: 'in_service.0_3000' },
  { upTo: 500_000, rateBp: 100, name: 'in_service.3000_5000' },
  { upTo: 1_000_000, rateBp: 150, name: 'in_service.5000_10000' },
  { upTo: Number.POSITIVE_INFINITY, rateBp: 200, name: 'in_service.10000_up' },
];
const RETIRED: readonly Band[] = [
  { upTo: 500_000, rateBp: 50, name: 'retired.0_5000' },
  { upTo: Number.POSITIVE_INFINITY, rateBp: 100, name: 'retired.5000_up' },
];

/** `bp` basis points of `fen`, rounded half up to the fen (integers only, no float error). */
export const percentOf = (fen: number, bp: number): number => Math.floor((fen * bp + 5_000) / 10_000);

export function calculateDues(category: DuesCategory, incomeFen: number): DuesCalculation {
  if (category !== 'in_service' && category !== 'retired')
    return { category, incomeFen, rateBp: null, monthlyFen: FLAT_FEN, band: `${category}.flat` };
  const bands = category === 'in_service' ? IN_SERVICE : RETIRED;
  const band = bands.find((b) => incomeFen <= b.upTo)!;
  return {
    category,
    incomeFen,
    rateBp: band.rateBp,
    monthlyFen: Math.max(FLAT_FEN, percentOf(incomeFen, band.rateBp)),
    band: band.name,
  };
}

// ---------------------------------------------------------------- months

/** `YYYY-MM` as a count of months, so months add and compare as integers. */
export const monthIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
export const monthOf = (index: number): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
export const addMonths = (month: string, n: number): string => monthOf(monthIndex(month) + n);

/** The later of two months (`YYYY-MM` sorts as text). */
export const later = (a: string, b: string): string => (a > b ? a : b);

/** Months `from`..`to` inclusive (empty when from > to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i += 1) out.push(monthOf(i));
  return out;
}

/**
 * Why a month may not be paid now, or null when it may: a future month, or one more than six months
 * back (back payment of at most six months: in December, June is still payable, May is not).
 */
export function unpayableReason(
  month: string,
  currentMonth: string,
  backMonths: number,
): 'dues.month_in_future' | 'dues.month_too_old' | null {
  if (monthIndex(month) > monthIndex(currentMonth)) return 'dues.month_in_future';
  if (monthIndex(month) < monthIndex(currentMonth) - backMonths) return 'dues.month_too_old';
  return null;
}
