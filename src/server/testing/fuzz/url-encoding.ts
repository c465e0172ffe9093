/**
 * Percent-encodes text for a URL the way a careless or hostile client might: code points as
 * UTF-8, but a lone surrogate as the (invalid) UTF-8 of its code unit, which encodeURIComponent
 * refuses to write.
 */
export function encodeComponent(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    const next = text.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (isHigh || isLow) {
      out += `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`;
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

/** Raw fragments that are not valid percent-encoding or not valid UTF-8 once decoded. */
export const RAW_URL_JUNK: readonly string[] = [
  '%ff',
  '%',
  '%zz',
  '%c0%ae%c0%ae',
  '%e4%b8',
  '%00',
  '..',
  '%2e%2e%2f',
];
