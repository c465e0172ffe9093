import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone, validateMobilePhone } from './phone.js';

const validMobilePhone = fc
  .tuple(
    fc.constantFrom(...'3456789'),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest}`);

function toFullWidthDigits(digits: string): string {
  return digits.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８－１２３４－５６７８', '13812345678'],
  ])('normalizes %j', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('keeps a leading 86 that is not followed by a whole mobile number', () => {
    expect(normalizePhone('86123')).toBe('86123');
  });
});

describe('validateMobilePhone', () => {
  it('accepts a plain mobile number', () => {
    expect(validateMobilePhone('13812345678')).toEqual({ ok: true, value: '13812345678' });
  });

  it('accepts and strips a country code and separators', () => {
    expect(validateMobilePhone('+86 138-1234-5678')).toEqual({ ok: true, value: '13812345678' });
  });

  it.each([
    ['too short', '1381234567'],
    ['too long', '138123456789'],
    ['second digit 2', '12812345678'],
    ['second digit 1', '11812345678'],
    ['not starting with 1', '23812345678'],
    ['letters', '1381234567a'],
    ['landline', '010-12345678'],
    ['empty', ''],
    ['only a country code', '+86'],
  ])('rejects %s', (_label, raw) => {
    expect(validateMobilePhone(raw)).toEqual({ ok: false, reason: 'format' });
  });

  it('accepts every valid number and masks it to 3 digits, 4 stars and 4 digits', () => {
    fc.assert(
      fc.property(validMobilePhone, (phone) => {
        expect(validateMobilePhone(phone)).toEqual({ ok: true, value: phone });
        const masked = maskPhone(phone);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
        expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
      }),
    );
  });

  it('recovers every valid number from decorated input', () => {
    const prefix = fc.constantFrom('', '+86', '86', '0086', '+86 ', '+86-', '0086 ');
    fc.assert(
      fc.property(validMobilePhone, prefix, fc.boolean(), (phone, countryCode, fullWidth) => {
        const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
        const decorated = `${countryCode}${fullWidth ? toFullWidthDigits(spaced) : spaced}`;
        expect(validateMobilePhone(decorated)).toEqual({ ok: true, value: phone });
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks anything that is not 11 characters completely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});
