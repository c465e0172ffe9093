import type { Principal } from '../../auth/principal.js';
import type { Executor } from '../../db/database.js';
import type { Household } from '../../db/tables.js';
import { registerRepository } from '../register/index.js';
import { targetsRepository } from './targets.repository.js';
import { visitLookups } from './visit-lookups.repository.js';

/**
 * The household a principal may visit, or nothing: one in their visit.record scope (grid workers
 * in their grid, secretaries in their subtree), or one a campaign gave them or whose caring member
 * they are (党员联户: a member visits their own households only, wherever their role lies).
 */
export async function visitableHousehold(
  db: Executor,
  principal: Principal,
  householdId: string,
): Promise<Household | undefined> {
  const inScope = await registerRepository.findHousehold(db, principal.scopeFor('visit.record'), householdId);
  if (inScope) return inScope;
  const own =
    (await targetsRepository.assignedTo(db, principal.userId, householdId)) ||
    (await visitLookups.caresFor(db, principal.userId, householdId));
  // Unscoped, after the check just above: the household is the caller's own to visit.
  return own ? visitLookups.householdUnscoped(db, householdId) : undefined;
}

/** Beijing time of day of an instant, and the one to try next time when nobody was home. */
export function revisitSlotAfter(startedAt: string): 'morning' | 'afternoon' | 'evening' {
  const hour = (new Date(startedAt).getUTCHours() + 8) % 24;
  // Residents out in the day are home in the evening; one out in the evening, in the morning.
  if (hour >= 18 || hour < 6) return 'morning';
  return 'evening';
}
