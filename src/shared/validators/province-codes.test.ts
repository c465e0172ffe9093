import { describe, expect, it } from 'vitest';
import { isProvinceCode, PROVINCE_CODES } from './province-codes.js';

describe('PROVINCE_CODES', () => {
  it('lists 36 distinct two-digit codes', () => {
    expect(PROVINCE_CODES).toHaveLength(36);
    expect(new Set(PROVINCE_CODES).size).toBe(36);
    for (const code of PROVINCE_CODES) expect(code).toMatch(/^\d{2}$/);
  });

  it.each(['11', '44', '65', '71', '81', '82', '83', '91'])('accepts %s', (code) => {
    expect(isProvinceCode(code)).toBe(true);
  });

  it.each(['00', '10', '16', '47', '66', '84', '92', '1', '110'])('rejects %s', (code) => {
    expect(isProvinceCode(code)).toBe(false);
  });
});
