import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './full-width.js';

// Test-side inverse of toHalfWidth for printable ASCII other than the space.
function toFullWidth(ascii: string): string {
  return [...ascii].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join('');
}

const printableAsciiWithoutSpace = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
});

describe('toHalfWidth', () => {
  it('converts full-width digits and letters', () => {
    expect(toHalfWidth('１２３Ｘｘ')).toBe('123Xx');
  });

  it('converts the whole full-width block including its ends', () => {
    expect(toHalfWidth('！～＋－')).toBe('!~+-');
  });

  it('converts the ideographic space to a plain space', () => {
    expect(toHalfWidth('１\u3000２')).toBe('1 2');
  });

  it('leaves other characters alone', () => {
    expect(toHalfWidth('连心 abc 123 😀')).toBe('连心 abc 123 😀');
  });

  it('undoes full-width conversion of any printable ASCII', () => {
    fc.assert(
      fc.property(printableAsciiWithoutSpace, (ascii) => {
        expect(toHalfWidth(toFullWidth(ascii))).toBe(ascii);
      }),
    );
  });

  it('is the identity on ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (ascii) => {
        expect(toHalfWidth(ascii)).toBe(ascii);
      }),
    );
  });
});
