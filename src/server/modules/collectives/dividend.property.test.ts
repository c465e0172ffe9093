import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INCOME_FEN } from '../../../shared/api/collectives.js';
import { computeDividend } from './dividend.js';

const holdings = fc.array(fc.record({ personId: fc.uuid(), shares: fc.integer({ min: 1, max: 10_000 }) }), {
  minLength: 0,
  maxLength: 60,
});
const income = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 0, max: MAX_INCOME_FEN }),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
const rate = fc.integer({ min: 0, max: 10_000 });

describe('dividend arithmetic (村集体经济组织分红)', () => {
  it('pays plus retains exactly the income, to the fen, for any income, rate and shares', () => {
    fc.assert(
      fc.property(income, rate, holdings, (incomeFen, retentionBp, held) => {
        const r = computeDividend({ incomeFen, retentionBp, holdings: held });
        const paid = r.payouts.reduce((sum, p) => sum + BigInt(p.amountFen), 0n);
        expect(paid + BigInt(r.retainedFen)).toBe(BigInt(incomeFen));
        expect(Number(paid)).toBe(r.paidFen);
        for (const p of r.payouts) {
          expect(Number.isInteger(p.amountFen)).toBe(true);
          expect(p.amountFen).toBe(r.perShareFen * p.shares);
        }
        // The remainder is less than one fen per share: no fen that could be split is kept back.
        if (r.totalShares > 0) expect(r.remainderFen).toBeLessThan(r.totalShares);
        expect(r.retainedFen).toBeGreaterThanOrEqual(r.remainderFen);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps back at least the rate’s share and never more than the rate’s share plus one fen per share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_INCOME_FEN }),
        rate,
        holdings,
        (incomeFen, retentionBp, held) => {
          const r = computeDividend({ incomeFen, retentionBp, holdings: held });
          const byRate = (BigInt(incomeFen) * BigInt(retentionBp)) / 10_000n;
          expect(BigInt(r.retainedFen) - BigInt(r.remainderFen)).toBe(byRate);
        },
      ),
    );
  });

  it('gives the article’s ¥3,600 a person from ¥24,000,000 with 10% kept and 6,000 shares', () => {
    const held = Array.from({ length: 1_500 }, (_, i) => ({ personId: `p${i}`, shares: 4 }));
    const r = computeDividend({ incomeFen: 2_400_000_000, retentionBp: 1000, holdings: held });
    expect(r).toMatchObject({ perShareFen: 360_000, retainedFen: 240_000_000, remainderFen: 0 });
    expect(r.payouts[0]!.amountFen).toBe(1_440_000);
  });

  it('keeps the fen that cannot be split: ¥100.00 over three shares, nothing retained by rate', () => {
    const r = computeDividend({
      incomeFen: 10_000,
      retentionBp: 0,
      holdings: [
        { personId: 'a', shares: 1 },
        { personId: 'b', shares: 2 },
      ],
    });
    expect(r).toMatchObject({ perShareFen: 3333, paidFen: 9999, remainderFen: 1, retainedFen: 1 });
  });

  it('keeps everything when there are no shareholders', () => {
    const r = computeDividend({ incomeFen: 12_345, retentionBp: 1000, holdings: [] });
    expect(r).toMatchObject({ retainedFen: 12_345, paidFen: 0, perShareFen: 0, payouts: [] });
  });
});
