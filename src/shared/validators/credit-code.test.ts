import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from './credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const REGISTRATION_DEPARTMENTS = '123456789ABCDEFGNY';
const EXAMPLE = '91350100M000100Y43';

function alphabetString(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
}

function withCheckChar(first17: string): string {
  return `${first17}${creditCodeCheckChar(first17)}`;
}

const validCreditCode = fc
  .tuple(
    fc.constantFrom(...REGISTRATION_DEPARTMENTS),
    fc.constantFrom(...ALPHABET),
    alphabetString('0123456789', 6),
    alphabetString(ALPHABET, 9),
  )
  .map(([department, institutionType, division, organization]) =>
    withCheckChar(`${department}${institutionType}${division}${organization}`),
  );

describe('creditCodeCheckChar', () => {
  it('computes the check character of the GB 32100 example', () => {
    expect(creditCodeCheckChar(EXAMPLE.slice(0, 17))).toBe('3');
  });

  it('uses weights 3^(i-1) mod 31', () => {
    // A single '1' at position i contributes exactly that position's weight.
    for (let i = 1; i <= 17; i++) {
      const first17 = `${'0'.repeat(i - 1)}1${'0'.repeat(17 - i)}`;
      const weight = 3 ** (i - 1) % 31;
      expect(creditCodeCheckChar(first17)).toBe(ALPHABET[(31 - weight) % 31]);
    }
  });

  it.each(['91350100M000100Y', '91350100M000100Y43', '91350100M000100I4'])(
    'rejects malformed input %j',
    (input) => {
      expect(() => creditCodeCheckChar(input)).toThrow(RangeError);
    },
  );
});

describe('normalizeCreditCode', () => {
  it('trims, removes inner spaces, upper-cases and converts full-width characters', () => {
    expect(normalizeCreditCode(' 9135 0100ｍ000100y43 ')).toBe(EXAMPLE);
  });
});

describe('validateCreditCode', () => {
  it('accepts the GB 32100 example', () => {
    expect(validateCreditCode(EXAMPLE)).toEqual({ ok: true, value: EXAMPLE });
  });

  it('accepts lowercase and full-width input', () => {
    expect(validateCreditCode('91350100m000100y43')).toEqual({ ok: true, value: EXAMPLE });
    expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: EXAMPLE });
  });

  it.each(['', '91350100M000100Y4', '91350100M000100Y430'])('rejects the length of %j', (raw) => {
    expect(validateCreditCode(raw)).toEqual({ ok: false, reason: 'length' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z', '-', '中'])('rejects the character %j', (char) => {
    expect(validateCreditCode(`91350100M${char}00100Y43`)).toEqual({ ok: false, reason: 'characters' });
  });

  it.each(['0', 'H', 'X'])('rejects registration department %j', (department) => {
    const raw = withCheckChar(`${department}1350100M000100Y4`);
    expect(validateCreditCode(raw)).toEqual({ ok: false, reason: 'characters' });
  });

  it('rejects a letter in the division code', () => {
    const raw = withCheckChar('9135A100M000100Y4');
    expect(validateCreditCode(raw)).toEqual({ ok: false, reason: 'division' });
  });

  it('rejects a wrong check character', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'check_char' });
  });

  it('rejects every single-character change of the standard example', () => {
    for (let position = 0; position < EXAMPLE.length; position++) {
      for (const replacement of ALPHABET) {
        if (replacement === EXAMPLE[position]) continue;
        const changed = EXAMPLE.slice(0, position) + replacement + EXAMPLE.slice(position + 1);
        expect(validateCreditCode(changed).ok, changed).toBe(false);
      }
    }
  });

  it('accepts every generated valid code', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('rejects every generated valid code with one character changed', () => {
    const change = validCreditCode.chain((code) =>
      fc.integer({ min: 0, max: 17 }).chain((position) => {
        const allowed = [...ALPHABET].filter((char) => char !== code[position]);
        return fc.constantFrom(...allowed).map((replacement) => ({ code, position, replacement }));
      }),
    );
    fc.assert(
      fc.property(change, ({ code, position, replacement }) => {
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateCreditCode(changed).ok).toBe(false);
      }),
    );
  });
});
