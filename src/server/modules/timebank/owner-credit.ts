import type { Executor } from '../../db/database.js';
import { ownersRepository } from './accounts.repository.js';
import { creditConfirmedMinutes } from './credit.js';
import { openAccountIn } from './timebank.service.js';

/** Who pays or earns, named by what they are rather than by their account. */
export interface CreditOwner {
  ownerKind: 'organization' | 'person';
  ownerId: string;
}

async function accountOf(trx: Executor, owner: CreditOwner, at: string): Promise<string> {
  const row =
    owner.ownerKind === 'person'
      ? await ownersRepository.person(trx, owner.ownerId)
      : await ownersRepository.organization(trx, owner.ownerId);
  if (!row) throw new Error(`time bank credit: unknown ${owner.ownerKind} ${owner.ownerId}`);
  const opened = await openAccountIn(
    trx,
    { kind: owner.ownerKind, id: row.id, name: row.name, regionCode: row.region_code },
    at,
  );
  return opened.account.id;
}

/**
 * Credits confirmed minutes from one owner to another (a volunteer team to its volunteer),
 * opening either account on first use (with its starter grant), in the caller's transaction.
 * Idempotent by `ref`, like `creditConfirmedMinutes`.
 */
export async function creditBetweenOwners(
  trx: Executor,
  input: { fromAccount: CreditOwner; toAccount: CreditOwner; minutes: number; ref: string },
): Promise<void> {
  const at = new Date().toISOString();
  await creditConfirmedMinutes(trx, {
    teamAccount: await accountOf(trx, input.fromAccount, at),
    volunteerAccount: await accountOf(trx, input.toAccount, at),
    minutes: input.minutes,
    ref: input.ref,
    at,
  });
}
