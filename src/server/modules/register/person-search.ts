import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { LookupKind } from './lookup-guard.js';
import type { PersonFilter } from './register.repository.js';

/** How the persons list reads its one search box and its age band (see PersonsService.list). */

/** YYYY-MM-DD of the day `years` before `day`. */
export const yearsBefore = (day: Date, years: number) =>
  new Date(Date.UTC(day.getUTCFullYear() - years, day.getUTCMonth(), day.getUTCDate()))
    .toISOString()
    .slice(0, 10);

/** Which look-up a search box text is, if it is one (see lookup-guard.ts). */
export function lookupKindOf(match: PersonFilter['match']): LookupKind | undefined {
  if (match?.kind === 'id_bidx') return 'id_number';
  if (match?.kind === 'phone_bidx') return 'phone';
  if (match?.kind === 'phone_last4_bidx') return 'phone_last4';
  return undefined;
}

/** Turns the one search box into exactly one kind of match. */
export function searchMatchOf(crypto: FieldCrypto, q: string): PersonFilter['match'] {
  const text = q.trim();
  if (/^\d{17}[\dXx]$/.test(text))
    return { kind: 'id_bidx', value: crypto.blindIndex('person.id_number', text.toUpperCase()) };
  if (/^1\d{10}$/.test(text)) {
    return {
      kind: 'phone_bidx',
      value: crypto.blindIndex('person.phone', text),
      last4: crypto.blindIndex('person.phone_last4', text.slice(-4)),
    };
  }
  if (/^\d{4}$/.test(text))
    return { kind: 'phone_last4_bidx', value: crypto.blindIndex('person.phone_last4', text) };
  if (/^[a-zA-Z]+$/.test(text)) return { kind: 'pinyin', value: text.toLowerCase() };
  return { kind: 'text', value: text };
}
