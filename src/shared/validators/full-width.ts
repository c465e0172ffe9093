// Chinese input methods often switch to full-width mode, so users type '１３８' or 'ｘ'
// without noticing. Normalizers fold those back to ASCII before validating.

const FULL_WIDTH_FIRST = 0xff01; // '！'
const FULL_WIDTH_LAST = 0xff5e; // '～'
// Distance between a full-width form and its ASCII counterpart ('！' U+FF01 → '!' U+0021).
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;
const FOLDABLE = /[\uff01-\uff5e\u3000]/;

/** Converts full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space (U+3000) to ASCII. */
export function toHalfWidth(s: string): string {
  // Most text has nothing to fold: return it as it is instead of rebuilding it.
  if (!FOLDABLE.test(s)) return s;
  let result = '';
  for (const char of s) {
    const code = char.codePointAt(0)!;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      result += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    } else if (code === IDEOGRAPHIC_SPACE) {
      result += ' ';
    } else {
      result += char;
    }
  }
  return result;
}
