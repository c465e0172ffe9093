import { describe, expect, it } from 'vitest';
import {
  beijingDate,
  beijingMonth,
  beijingYear,
  endOfBeijingDate,
  formatBeijing,
  startOfBeijingDate,
} from './beijing-time';

describe('Beijing time', () => {
  it('turns the UTC evening into the next Beijing day, month and year', () => {
    const newYearInBeijing = new Date('2026-12-31T16:00:00Z');
    expect(beijingDate(newYearInBeijing)).toBe('2027-01-01');
    expect(beijingMonth(newYearInBeijing)).toBe('2027-01');
    expect(beijingYear(newYearInBeijing)).toBe(2027);
    expect(beijingDate('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(beijingMonth('2026-12-31T15:59:59.999Z')).toBe('2026-12');
  });

  it('gives the instants a Beijing date starts and ends at, and wall time for messages', () => {
    expect(startOfBeijingDate('2026-12-06')).toBe('2026-12-05T16:00:00.000Z');
    expect(endOfBeijingDate('2026-12-06')).toBe('2026-12-06T16:00:00.000Z');
    expect(formatBeijing('2026-12-05T16:30:00.000Z')).toBe('2026-12-06 00:30');
  });
});
