import type { SeededRandom } from './seeded-random.js';

/** 100 KB: well past every field's bound, well under the 1 MB body limit. */
const HUGE = 'a'.repeat(100 * 1024);

/** Strings that have broken text handling somewhere: encodings, directions, widths, controls. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800', // lone high surrogate
  'x\udfffy', // lone low surrogate
  '\u200b', // zero-width space
  '\u200b\u200c\u200d\ufeff', // zero-width run and BOM
  '\u202eevil\u202c', // right-to-left override
  '\u200f\u05e9\u05dc\u05d5\u05dd', // RTL mark + Hebrew
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  '👨‍👩‍👧‍👦🏳️‍🌈💩',
  '２３０１０８００１', // full-width digits
  '٢٣٠١٠٨', // Arabic-Indic digits
  '230108001002\n',
  '../../../etc/passwd',
  '%ff%00%2e%2e',
  "' OR 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}{{7*7}}',
  '=cmd|"/c calc"!A1',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  'true',
  '0x1f',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '\t\r\n\v\f',
  '\u00a0\u3000', // no-break and ideographic spaces
  '連心'.repeat(2000),
  HUGE,
  '\ud83d'.repeat(500),
];

/** Numbers where the schema expects an integer in a range, or anything else. */
export const NASTY_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  1.5,
  -2147483649,
  2147483648,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
];

/** JSON text for numbers JSON.stringify cannot write (it turns them into null). */
export const NASTY_NUMBER_LITERALS: readonly string[] = [
  '1e400',
  '-1e400',
  '1.0000000000000000001',
  '00012',
  '-0.0',
];

/** A keyed value in a JSON body, kept as text so keys such as `__proto__` survive as own keys. */
export type Json = string;

export const jsonString = (value: string): Json => JSON.stringify(value);

export function jsonObject(entries: [string, Json][]): Json {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** Arrays nested `depth` deep: parsers and validators that recurse fall over on these. */
export const deepArray = (depth: number): Json => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export const deepObject = (depth: number): Json => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A prototype-pollution attempt as JSON: `{"__proto__": {"isAdmin": true}}` and friends. */
export function pollutionObject(random: SeededRandom): Json {
  const key = random.pick(PROTOTYPE_KEYS);
  const inner =
    key === 'constructor' ? jsonObject([['prototype', '{"isAdmin":true}']]) : '{"isAdmin":true,"polluted":1}';
  return jsonObject([[key, inner]]);
}

/** Any nasty JSON value at all: the generator's vocabulary for "something else". */
export function nastyJson(random: SeededRandom, depth = 0): Json {
  switch (random.int(depth > 1 ? 6 : 9)) {
    case 0:
      return jsonString(random.pick(NASTY_STRINGS));
    case 1:
      return JSON.stringify(random.pick(NASTY_NUMBERS));
    case 2:
      return random.pick(NASTY_NUMBER_LITERALS);
    case 3:
      return random.pick(['true', 'false', 'null', '""', '0', '[]', '{}']);
    case 4:
      return jsonString(random.pick(NASTY_STRINGS).slice(0, 64));
    case 5:
      return pollutionObject(random);
    case 6:
      return `[${Array.from({ length: random.int(4) }, () => nastyJson(random, depth + 1)).join(',')}]`;
    case 7:
      return jsonObject(
        Array.from({ length: 1 + random.int(3) }, () => [
          random.pick([...PROTOTYPE_KEYS, 'x', '', '\u0000', '𝒳']),
          nastyJson(random, depth + 1),
        ]),
      );
    default:
      return random.chance(0.5)
        ? deepArray(random.pick([100, 1000, 10_000]))
        : deepObject(random.pick([100, 1000, 5000]));
  }
}
