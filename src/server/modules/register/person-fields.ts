import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { maskIdNumber, maskPhone } from '../../../shared/validators/index.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Person } from '../../db/tables.js';

/** 张三 → { full: 'zhangsan', initials: 'zs' }; surnames read as surnames (单 shan, 曾 zeng). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    nonZh: 'removed',
    v: true,
  });
  const words = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter(Boolean);
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
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const age = day.getUTCFullYear() - y;
  const beforeBirthday = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  return beforeBirthday ? age - 1 : age;
}
