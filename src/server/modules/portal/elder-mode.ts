import type { Executor } from '../../db/database.js';
import { ageOn } from '../register/index.js';
import { portalRepository } from './portal.repository.js';

/** Register tags that suggest elder mode (长辈模式) to a resident at sign-in. */
export const ELDER_TAGS = ['独居老人', '空巢老人'] as const;
/** From this age on, elder mode is suggested whatever the tags. */
export const ELDER_AGE = 70;

/** The account's stored choice: true on, false off, null never chosen. */
export const elderModeOf = (stored: number | null): boolean | null => (stored === null ? null : stored === 1);

/**
 * Whether the portal should suggest elder mode: only before the resident ever chose, and only when
 * the linked register entry is tagged 独居老人 / 空巢老人 or is 70 or older. The answer is a bare
 * boolean: neither the tag nor the age leaves the server.
 */
export async function suggestElderMode(
  db: Executor,
  stored: number | null,
  person: { id: string; birth_date: string } | undefined,
  now: Date,
): Promise<boolean> {
  if (stored !== null || !person) return false;
  if (ageOn(person.birth_date, now) >= ELDER_AGE) return true;
  return portalRepository.personHasTag(db, person.id, ELDER_TAGS);
}
