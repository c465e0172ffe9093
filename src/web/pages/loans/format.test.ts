import { describe, expect, it } from 'vitest';
import { fenOf, instalmentState, maskName, roadIndexOf, yuan } from './format';

const instalment = (dueOn: string, paidFen: number) => ({
  seq: 1,
  dueOn,
  principalFen: 80_000,
  borrowerInterestFen: 20_000,
  subsidyInterestFen: 20_000,
  paidFen,
  paidOn: null,
});

describe('loan formatting', () => {
  it('shows fen as yuan with two decimals and reads typed yuan back as whole fen', () => {
    expect(yuan(12_345_67)).toBe('12,345.67');
    expect(yuan(0)).toBe('0.00');
    expect(fenOf(100_000)).toBe(10_000_000);
    // Floating point: 0.1 + 0.2 yuan is 30 fen, not 30.000000000000004.
    expect(fenOf(0.1 + 0.2)).toBe(30);
    expect(fenOf(1234.56)).toBe(123_456);
  });

  it('masks every character of a name but the first', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王*');
    expect(maskName('')).toBe('—');
  });

  it('says an instalment is paid, partly paid, late or not yet due', () => {
    expect(instalmentState(instalment('2026-03-01', 100_000), '2026-04-01')).toBe('paid');
    expect(instalmentState(instalment('2026-03-01', 50_000), '2026-04-01')).toBe('late');
    expect(instalmentState(instalment('2026-05-01', 50_000), '2026-04-01')).toBe('partial');
    expect(instalmentState(instalment('2026-05-01', 0), '2026-04-01')).toBe('due');
    // Due today is not late yet.
    expect(instalmentState(instalment('2026-04-01', 0), '2026-04-01')).toBe('due');
  });

  it('places each status on the road; a refused or withdrawn one is off it', () => {
    expect(roadIndexOf('submitted')).toBe(0);
    expect(roadIndexOf('bank_approval')).toBe(3);
    expect(roadIndexOf('disbursed')).toBe(4);
    expect(roadIndexOf('repaying')).toBe(4);
    expect(roadIndexOf('closed')).toBe(5);
    expect(roadIndexOf('rejected')).toBe(-1);
    expect(roadIndexOf('withdrawn')).toBe(-1);
  });
});
