import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskIdNumber, normalizeIdNumber, validateIdNumber } from './id-number.js';
import { PROVINCE_CODES } from './province-codes.js';

const DIGITS = '0123456789';
// A fixed "today" keeps date-dependent tests reproducible.
const TODAY = new Date(2024, 5, 15);

function digitString(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...DIGITS), minLength: length, maxLength: length });
}

function withCheckChar(first17: string): string {
  return `${first17}${idNumberCheckChar(first17)}`;
}

const birthDateCompact = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2020, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).replaceAll('-', ''));

const validIdNumber = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES), digitString(4), birthDateCompact, digitString(3))
  .map(([province, rest, birth, sequence]) => withCheckChar(`${province}${rest}${birth}${sequence}`));

describe('idNumberCheckChar', () => {
  it('computes the standard example check characters', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('uses weights 2^(17-i) mod 11', () => {
    // A single 1 at position i contributes exactly that position's weight.
    for (let i = 1; i <= 17; i++) {
      const first17 = `${'0'.repeat(i - 1)}1${'0'.repeat(17 - i)}`;
      const weight = 2 ** (18 - i) % 11;
      expect(idNumberCheckChar(first17)).toBe('10X98765432'[weight]);
    }
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100X'])(
    'rejects malformed input %j',
    (input) => {
      expect(() => idNumberCheckChar(input)).toThrow(RangeError);
    },
  );
});

describe('normalizeIdNumber', () => {
  it('trims, removes inner spaces and upper-cases x', () => {
    expect(normalizeIdNumber('  110105 19491231 002x ')).toBe('11010519491231002X');
  });

  it('converts full-width characters', () => {
    expect(normalizeIdNumber('１２３Ｘ')).toBe('123X');
    expect(normalizeIdNumber('１１０１０５　１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });
});

describe('validateIdNumber', () => {
  it("accepts GB 11643's example and reads its birth date and gender", () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  // GB 11643's second example was born in 1880, before the app's earliest accepted birth date, so
  // only its check character is confirmed; the date rule wins over the example.
  it('confirms the check character of the second standard example but rejects its 1880 birth date', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(validateIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('reads the gender of an odd sequence as male', () => {
    expect(validateIdNumber(withCheckChar('44052419800101001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '1980-01-01',
      gender: 'male',
    });
  });

  it('accepts lowercase x', () => {
    expect(validateIdNumber('11010519491231002x', TODAY)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('accepts full-width input', () => {
    expect(validateIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('defaults "today" to the current date', () => {
    expect(validateIdNumber('11010519491231002X')).toMatchObject({ ok: true });
  });

  it.each(['', '11010519491231002', '11010519491231002X1'])('rejects the length of %j', (raw) => {
    expect(validateIdNumber(raw, TODAY)).toEqual({ ok: false, reason: 'length' });
  });

  it.each(['1101051949123100XX', '11010519491231002A', 'A1010519491231002X', '110105-19491231002'])(
    'rejects characters in the wrong place in %j',
    (raw) => {
      expect(validateIdNumber(raw, TODAY)).toEqual({ ok: false, reason: 'characters' });
    },
  );

  it.each([
    '00',
    '10',
    '16',
    '20',
    '24',
    '30',
    '38',
    '47',
    '55',
    '60',
    '66',
    '70',
    '72',
    '80',
    '84',
    '90',
    '92',
    '99',
  ])('rejects province code %s', (province) => {
    const raw = withCheckChar(`${province}010519491231002`);
    expect(validateIdNumber(raw, TODAY)).toEqual({ ok: false, reason: 'region' });
  });

  it.each([
    ['30 February', '19990230'],
    ['29 February in a common year', '20010229'],
    ['29 February 1900, not a leap year', '19000229'],
    ['31 April', '19990431'],
    ['month 00', '19990001'],
    ['month 13', '19991301'],
    ['day 00', '19990100'],
    ['day 32', '19990132'],
    ['before 1900', '18991231'],
    ['a future date', '20240616'],
  ])('rejects a birth date on %s', (_label, birth) => {
    const raw = withCheckChar(`110105${birth}002`);
    expect(validateIdNumber(raw, TODAY)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it.each([
    ['29 February in a leap year', '20000229', '2000-02-29'],
    ['29 February 2004', '20040229', '2004-02-29'],
    ['1 January 1900', '19000101', '1900-01-01'],
    ['today', '20240615', '2024-06-15'],
  ])('accepts a birth date on %s', (_label, birth, birthDate) => {
    const raw = withCheckChar(`110105${birth}002`);
    expect(validateIdNumber(raw, TODAY)).toMatchObject({ ok: true, birthDate });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'check_digit' });
    expect(validateIdNumber('440524198001010014', TODAY)).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('rejects every single-character change of the standard example', () => {
    const example = '11010519491231002X';
    for (let position = 0; position < example.length; position++) {
      const allowed = position === 17 ? `${DIGITS}X` : DIGITS;
      for (const replacement of allowed) {
        if (replacement === example[position]) continue;
        const changed = example.slice(0, position) + replacement + example.slice(position + 1);
        expect(validateIdNumber(changed, TODAY).ok, changed).toBe(false);
      }
    }
  });

  it('accepts every generated valid number and reads its birth date and gender', () => {
    fc.assert(
      fc.property(validIdNumber, (idNumber) => {
        const birth = idNumber.slice(6, 14);
        expect(validateIdNumber(idNumber, TODAY)).toEqual({
          ok: true,
          value: idNumber,
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
          gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        });
      }),
    );
  });

  it('rejects every generated valid number with one character changed', () => {
    const change = validIdNumber.chain((idNumber) =>
      fc.integer({ min: 0, max: 17 }).chain((position) => {
        const allowed = [...(position === 17 ? `${DIGITS}X` : DIGITS)].filter(
          (char) => char !== idNumber[position],
        );
        return fc.constantFrom(...allowed).map((replacement) => ({ idNumber, position, replacement }));
      }),
    );
    fc.assert(
      fc.property(change, ({ idNumber, position, replacement }) => {
        const changed = idNumber.slice(0, position) + replacement + idNumber.slice(position + 1);
        expect(validateIdNumber(changed, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the first six and last four characters', () => {
    expect(maskIdNumber('230108199001011234')).toBe('230108********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks anything that is not 18 characters completely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});
