import { describe, expect, it } from 'vitest';
import { addMonths, calculateDues, FLAT_FEN, unpayableReason } from './dues-rules.js';

/** The dues bands at each edge (income in fen), the flat categories, rounding, and the back-payment window. */
describe('dues rules', () => {
  const monthly = (category: Parameters<typeof calculateDues>[0], yuan: number) =>
    calculateDues(category, Math.round(yuan * 100)).monthlyFen;

  it('applies the in-service bands at and just above each edge', () => {
    expect(monthly('in_service', 3000)).toBe(1500); // 0.5% of ¥3,000 = ¥15.00
    expect(monthly('in_service', 3000.01)).toBe(3000); // 1% of 300,001 fen = 3,000.01 → 3,000
    expect(monthly('in_service', 5000)).toBe(5000); // 1% = ¥50
    expect(monthly('in_service', 5000.01)).toBe(7500); // 1.5% of 500,001 = 7,500.015 → 7,500
    expect(monthly('in_service', 10000)).toBe(15000); // 1.5% = ¥150
    expect(monthly('in_service', 10000.01)).toBe(20000); // 2% of 1,000,001 = 20,000.02 → 20,000
    expect(monthly('in_service', 25000)).toBe(50000);
    expect(calculateDues('in_service', 300_001).band).toBe('in_service.3000_5000');
    expect(calculateDues('in_service', 300_000).rateBp).toBe(50);
  });

  it('applies the retired bands at the ¥5,000 edge', () => {
    expect(monthly('retired', 5000)).toBe(2500);
    expect(monthly('retired', 5000.01)).toBe(5000);
    expect(monthly('retired', 12000)).toBe(12000);
  });

  it('charges students, the unemployed and 低保 recipients ¥0.20 whatever the income', () => {
    for (const category of ['student', 'unemployed', 'low_income'] as const) {
      expect(calculateDues(category, 0)).toMatchObject({ monthlyFen: 20, rateBp: null });
      expect(calculateDues(category, 900_000).monthlyFen).toBe(20);
    }
  });

  it('rounds half up to the fen and never goes under the flat ¥0.20', () => {
    expect(calculateDues('in_service', 101).monthlyFen).toBe(FLAT_FEN); // 0.505 fen → floor ¥0.20
    expect(calculateDues('in_service', 4_900).monthlyFen).toBe(25); // 24.5 fen → 25
    expect(calculateDues('in_service', 4_899).monthlyFen).toBe(24); // 24.495 → 24
    expect(calculateDues('in_service', 0).monthlyFen).toBe(FLAT_FEN);
  });

  it('lets the current month and the six before it be paid, and nothing older or later', () => {
    expect(unpayableReason('2026-12', '2026-12', 6)).toBeNull();
    expect(unpayableReason('2026-06', '2026-12', 6)).toBeNull();
    expect(unpayableReason('2026-05', '2026-12', 6)).toBe('dues.month_too_old');
    expect(unpayableReason('2027-01', '2026-12', 6)).toBe('dues.month_in_future');
    expect(unpayableReason('2025-08', '2026-02', 6)).toBeNull(); // across a year
    expect(unpayableReason('2025-07', '2026-02', 6)).toBe('dues.month_too_old');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
