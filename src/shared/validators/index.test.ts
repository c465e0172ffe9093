import { describe, expect, it } from 'vitest';
import * as validators from './index.js';

describe('validators index', () => {
  it('re-exports every validator', () => {
    expect(Object.keys(validators).sort()).toEqual([
      'PROVINCE_CODES',
      'creditCodeCheckChar',
      'divisionCodeLevel',
      'idNumberCheckChar',
      'isDivisionCodeShape',
      'isProvinceCode',
      'maskIdNumber',
      'maskPhone',
      'normalizeCreditCode',
      'normalizeIdNumber',
      'normalizePhone',
      'toHalfWidth',
      'validateCreditCode',
      'validateIdNumber',
      'validateMobilePhone',
    ]);
  });
});
