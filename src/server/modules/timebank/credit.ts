import type { Executor } from '../../db/database.js';
import { accountsRepository } from './accounts.repository.js';
import { postTransfer } from './ledger.js';

/**
 * Credits a volunteer's confirmed minutes from their team's account: one transfer, two ledger
 * rows, in the caller's transaction. `ref` names what was confirmed (e.g. `hours:<shift id>`):
 * crediting the same ref twice returns the first transfer's id and moves nothing.
 * Throws 409 timebank.insufficient when the team would go below its floor, timebank.ceiling when
 * the volunteer would go above theirs.
 */
export async function creditConfirmedMinutes(
  trx: Executor,
  input: { teamAccount: string; volunteerAccount: string; minutes: number; ref: string; at?: string },
): Promise<string> {
  const earlier = await accountsRepository.transferByRef(trx, input.ref);
  if (earlier) return earlier.id;
  const team = await accountsRepository.findUnscoped(trx, input.teamAccount);
  const volunteer = await accountsRepository.findUnscoped(trx, input.volunteerAccount);
  if (!team || !volunteer) throw new Error(`creditConfirmedMinutes: unknown account in ${input.ref}`);
  return postTransfer(trx, {
    from: team,
    to: volunteer,
    minutes: input.minutes,
    kind: 'credit',
    memo: '志愿服务时长',
    ref: input.ref,
    createdBy: null,
    at: input.at ?? new Date().toISOString(),
  });
}
