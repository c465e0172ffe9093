import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from './loan-dates.js';
import { buildSchedule } from './schedule.js';

const input = fc.record({
  amountFen: fc.integer({ min: 1, max: 300_000_000 }),
  termMonths: fc.integer({ min: 1, max: 120 }),
  annualRateBp: fc.integer({ min: 0, max: 2400 }),
  subsidyShareBp: fc.integer({ min: 0, max: 10_000 }),
  method: fc.constantFrom('equal_instalment' as const, 'equal_principal' as const),
  startOn: fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
});

describe('repayment schedule', () => {
  it('has principals of whole fen, none negative, adding up to the loan exactly', () => {
    fc.assert(
      fc.property(input, (loan) => {
        const schedule = buildSchedule(loan);
        expect(schedule).toHaveLength(loan.termMonths);
        const principals = schedule.map((i) => i.principalFen);
        for (const fen of principals) {
          expect(Number.isInteger(fen)).toBe(true);
          expect(fen).toBeGreaterThanOrEqual(0);
        }
        expect(principals.reduce((a, b) => a + b, 0)).toBe(loan.amountFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('splits each month’s interest into the borrower’s and the subsidy’s part without losing a fen', () => {
    fc.assert(
      fc.property(input, (loan) => {
        let balance = loan.amountFen;
        for (const instalment of buildSchedule(loan)) {
          const interest = instalment.borrowerInterestFen + instalment.subsidyInterestFen;
          // Interest of the month on what was outstanding, to the nearest fen.
          expect(Math.abs(interest - (balance * loan.annualRateBp) / 120_000)).toBeLessThanOrEqual(0.5);
          expect(instalment.borrowerInterestFen).toBeGreaterThanOrEqual(0);
          expect(instalment.subsidyInterestFen).toBeGreaterThanOrEqual(0);
          expect(
            Math.abs(instalment.subsidyInterestFen - (interest * loan.subsidyShareBp) / 10_000),
          ).toBeLessThanOrEqual(0.5);
          balance -= instalment.principalFen;
        }
        expect(balance).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('falls due monthly, one month apart, the first a month after disbursement', () => {
    fc.assert(
      fc.property(input, (loan) => {
        const schedule = buildSchedule(loan);
        expect(schedule[0]!.dueOn).toBe(addMonths(loan.startOn, 1));
        for (const [i, instalment] of schedule.entries()) {
          const gap = daysBetween(i === 0 ? loan.startOn : schedule[i - 1]!.dueOn, instalment.dueOn);
          expect(gap).toBeGreaterThanOrEqual(28);
          expect(gap).toBeLessThanOrEqual(31);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches a worked example: ¥100,000 over 12 months at 3.45%, half subsidized, equal instalments', () => {
    const schedule = buildSchedule({
      amountFen: 10_000_000,
      termMonths: 12,
      annualRateBp: 345,
      subsidyShareBp: 5000,
      method: 'equal_instalment',
      startOn: '2026-01-31',
    });
    // Payment 8,489.88 yuan (the annuity formula); first month's interest 287.50, half of it the treasury's.
    expect(schedule[0]).toEqual({
      seq: 1,
      dueOn: '2026-02-28',
      principalFen: 820_238,
      borrowerInterestFen: 14_375,
      subsidyInterestFen: 14_375,
    });
    expect(schedule[1]!.dueOn).toBe('2026-03-31');
    expect(schedule.reduce((sum, i) => sum + i.principalFen, 0)).toBe(10_000_000);
  });

  it('equal principal: the same principal each month but the last, which takes the remainder', () => {
    const schedule = buildSchedule({
      amountFen: 1_000_001,
      termMonths: 3,
      annualRateBp: 0,
      subsidyShareBp: 0,
      method: 'equal_principal',
      startOn: '2026-05-15',
    });
    expect(schedule.map((i) => i.principalFen)).toEqual([333_333, 333_333, 333_335]);
    expect(schedule.every((i) => i.borrowerInterestFen === 0 && i.subsidyInterestFen === 0)).toBe(true);
  });
});
