import { createHash } from 'node:crypto';
import { pinyin, polyphonic } from 'pinyin-pro';
import { beijingDate } from '../../../shared/beijing-time.js';
import { maskIdNumber, maskPhone } from '../../../shared/validators/index.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Person } from '../../db/tables.js';

const PINYIN_OPTIONS = {
  toneType: 'none',
  type: 'array',
  surname: 'head',
  nonZh: 'removed',
  v: true,
} as const;

const syllable = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/**
 * A character's only reading (tones aside), or null if it has several or is not Chinese. Only a
 * character with one reading reads the same in any word and as a surname, so only then may a
 * name be read character by character; the answers are remembered (a few thousand characters).
 */
const onlyReadings = new Map<string, string | null>();
function onlyReading(char: string): string | null {
  let reading = onlyReadings.get(char);
  if (reading === undefined) {
    const readings = new Set(polyphonic(char, { type: 'array', toneType: 'none' })[0] ?? []);
    const [single] = pinyin(char, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
    reading = readings.size === 1 && single && syllable(single) ? syllable(single) : null;
    onlyReadings.set(char, reading);
  }
  return reading;
}

/** 张三 → { full: 'zhangsan', initials: 'zs' }; surnames read as surnames (单 shan, 曾 zeng). */
export function namePinyin(name: string): { full: string; initials: string } {
  // Most names have only characters of one reading: read them one by one, without segmenting
  // the name into words (which costs ~5 µs). Anything else takes pinyin-pro's full path.
  let full = '';
  let initials = '';
  for (const char of name) {
    const reading = onlyReading(char);
    if (reading === null) return segmentedNamePinyin(name);
    full += reading;
    initials += reading[0];
  }
  return { full, initials };
}

/** pinyin-pro on the whole name: words segmented, surnames read as surnames. */
export function segmentedNamePinyin(name: string): { full: string; initials: string } {
  const words = pinyin(name, PINYIN_OPTIONS).map(syllable).filter(Boolean);
  return { full: words.join(''), initials: words.map((w) => w[0]).join('') };
}

/** A phone as stored: ciphertext and blind indexes (whole number, last four), never in clear. */
export function protectPhone(crypto: FieldCrypto, phone: string | null) {
  if (!phone) return { phone_enc: null, phone_bidx: null, phone_last4_bidx: null };
  return {
    phone_enc: crypto.encrypt('person.phone', phone),
    phone_bidx: crypto.blindIndex('person.phone', phone),
    phone_last4_bidx: crypto.blindIndex('person.phone_last4', phone.slice(-4)),
  };
}

/** What lists and exports show: masked values, decrypted only to be masked. */
export function maskedContact(
  crypto: FieldCrypto,
  person: Pick<Person, 'id_number_enc' | 'phone_enc' | 'status'>,
) {
  if (person.status === 'anonymized') return { idNumber: '', phone: '' };
  return {
    idNumber: maskIdNumber(crypto.decrypt('person.id_number', person.id_number_enc)),
    phone: person.phone_enc ? maskPhone(crypto.decrypt('person.phone', person.phone_enc)) : '',
  };
}

/** A short hash of the fields an import sets: an unchanged row is recognized without decrypting. */
export function rowHash(fields: readonly (string | number | null)[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32);
}

/** Whole years between a birth date (YYYY-MM-DD) and a day. */
export function ageOn(birthDate: string, day: Date): number {
  // A birthday comes on the Beijing calendar: at 08:00 Beijing time the UTC date is still yesterday's.
  const today = beijingDate(day);
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5, 10) ? age - 1 : age;
}
