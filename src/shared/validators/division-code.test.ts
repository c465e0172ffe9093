import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionCodeLevel, isDivisionCodeShape } from './division-code.js';

describe('divisionCodeLevel', () => {
  it.each([
    ['11', 'province'],
    ['1101', 'city'],
    ['110105', 'county'],
    ['110105001', 'street'],
    ['110105001001', 'village'],
    ['11010500100101', 'grid'],
    ['11010500100101001', 'building'],
  ] as const)('%s is a %s code', (code, level) => {
    expect(divisionCodeLevel(code)).toBe(level);
    expect(isDivisionCodeShape(code)).toBe(true);
  });

  it.each(['', '1', '110', '11010', '1101050', '11010500', '1101050010', '1234567890123456789'])(
    'rejects the length of %j',
    (code) => {
      expect(divisionCodeLevel(code)).toBeNull();
      expect(isDivisionCodeShape(code)).toBe(false);
    },
  );

  it.each(['1a', '11010５', ' 110105', '110105 ', '-11010', '11.1'])('rejects non-digits in %j', (code) => {
    expect(divisionCodeLevel(code)).toBeNull();
    expect(isDivisionCodeShape(code)).toBe(false);
  });

  it('accepts exactly the digit strings of the known lengths', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 20 }), (code) => {
        expect(isDivisionCodeShape(code)).toBe([2, 4, 6, 9, 12, 14, 17].includes(code.length));
      }),
    );
  });
});
