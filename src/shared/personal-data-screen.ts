/**
 * Screens free text for personal data before it is published (Open311 answers a resident's
 * description only through this): ID numbers, mobile and landline numbers, email addresses,
 * bank-card-like and other long digit runs, house, building and room numbers, and names that
 * follow a cue (我叫…, 姓名：…, 联系人…, 刘大爷). Each is replaced by a placeholder that says what
 * was there, e.g. 【身份证号】【电话】.
 *
 * It errs on the side of hiding: a date written 2026-11-26 survives, an 8-digit amount does not.
 * Names without a cue cannot be told from other words, so a screened text can still hold one:
 * callers publish a resident's screened text only when the resident asked for it to be public.
 */

export const PLACEHOLDERS = {
  idNumber: '【身份证号】',
  phone: '【电话】',
  email: '【邮箱】',
  bankCard: '【银行卡号】',
  number: '【号码】',
  houseNumber: '【门牌号】',
  name: '【姓名】',
} as const;

/**
 * Full-width digits, Latin letters and the characters of numbers and addresses (＠ ． － ＋ ＿)
 * and the ideographic space, folded to ASCII. Chinese punctuation (，。：（）) stays as it is: the
 * published text should read as the resident wrote it.
 */
const FOLDABLE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff20\uff0e\uff0d\uff0b\uff3f\u3000]/g;
const fold = (text: string): string =>
  text.replace(FOLDABLE, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** What people put between groups of digits: spaces, dots, the hyphen, Unicode hyphens and dashes. */
const SEPARATOR = '[\\s.\\-\u2010\u2011\u2012\u2013\u2014]{0,3}';
/**
 * A run of at least seven digits, possibly split by spaces, dots or dashes (138 1234 5678,
 * 0451-86661234, 139 - 1234 - 5678), with an optional leading + and a trailing X (an ID
 * number's check character).
 */
const DIGIT_RUN = new RegExp(
  `(?<!\\d)\\+?\\d(?:${SEPARATOR}\\d){6,}(?:${SEPARATOR}[Xx](?![A-Za-z]))?(?!\\d)`,
  'g',
);

const isDate = (year: number, month: number, day: number): boolean => {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

/** What a digit run is, by its digits alone; undefined for a run to leave (a written date). */
function classifyRun(raw: string): string | undefined {
  const date = /^(\d{4})([-.])(\d{1,2})\2(\d{1,2})$/.exec(raw);
  if (date && isDate(Number(date[1]), Number(date[3]), Number(date[4]))) return undefined;
  const digits = raw.replace(/[^\dXx]/g, '');
  if (/^\d{17}[\dXx]$/.test(digits) || /^\d{15}$/.test(digits)) return PLACEHOLDERS.idNumber;
  if (/[Xx]/.test(digits)) return PLACEHOLDERS.number;
  if (/^(?:0086|86)?1[3-9]\d{9}$/.test(digits)) return PLACEHOLDERS.phone;
  // A landline with its area code (010 12345678, 0451 8666 1234) or without it (7 or 8 digits).
  if (/^0\d{9,11}$/.test(digits) || /^\d{7,8}$/.test(digits)) return PLACEHOLDERS.phone;
  if (/^\d{16,19}$/.test(digits)) return PLACEHOLDERS.bankCard;
  return PLACEHOLDERS.number;
}

/** A number before 号楼, 栋, 单元, 室 …: one part of a home's address. */
const PART =
  '(?:\\d+\\s*(?:号楼|号院|栋|幢|座|单元|层|楼|室)|[一二三四五六七八九十两]+\\s*(?:号楼|栋|幢|单元))';
/**
 * A house number after a road (兴建路12号) or a building part, then any further parts, and a bare
 * room number at the end (3单元502); or building-entrance-room written with dashes (3-2-501).
 */
const HOUSE_NUMBER = new RegExp(
  [
    `(?:(?<=[路街道巷弄里村屯])\\s*\\d+\\s*号(?![码线文楼院])|${PART})(?:\\s*${PART})*(?:\\s*\\d+(?:\\s*室)?)?`,
    `(?<!\\d)\\d{1,3}-\\d{1,3}-\\d{1,4}(?![\\d-])`,
  ].join('|'),
  'g',
);

const NAME_CUE = /(我叫|我是|本人是?|姓名|名字|联系人|户主|叫做)([:：\s]*)[\u4e00-\u9fa5]{2,3}/g;
const HONORIFIC = /[\u4e00-\u9fa5](?:先生|女士|大爷|大妈|大娘|大叔|阿姨|奶奶|爷爷|师傅)/g;

/** The text with personal data replaced by placeholders (full-width digits and letters folded). */
export function screenPersonalData(text: string): string {
  return fold(text)
    .replace(EMAIL, PLACEHOLDERS.email)
    .replace(DIGIT_RUN, (run) => classifyRun(run) ?? run)
    .replace(HOUSE_NUMBER, PLACEHOLDERS.houseNumber)
    .replace(NAME_CUE, (_match, cue: string, separator: string) => `${cue}${separator}${PLACEHOLDERS.name}`)
    .replace(HONORIFIC, PLACEHOLDERS.name);
}

/** Whether screening would change the text (beyond folding full-width characters). */
export const containsPersonalData = (text: string): boolean => screenPersonalData(text) !== fold(text);
