import { beijingDate } from '../../../shared/beijing-time.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import { pairingPartiesRepository } from './pairing-parties.repository.js';
import { endPairing } from './pairings.service.js';

/**
 * A household leaves the active list when its difficulty tag is removed (脱贫): the register's
 * tags are a person's and change in the register module (a correction, an import, a visit's
 * confirmed change), which knows nothing of pairings. So this job looks for active household
 * pairings whose household no longer has a resident on the register tagged 低保户 or 特困 and ends
 * each with the reason `tag_removed`, as the system, with an audit row. Safe with several
 * processes: ending is a conditional update (`status = 'active'`), so a second sweeper changes
 * nothing. Returns the ids it ended.
 */
export async function endPairingsOfUntaggedHouseholds(
  ctx: ServiceContext,
  batchSize = 200,
): Promise<string[]> {
  const { db } = ctx.database;
  const ended: string[] = [];
  for (;;) {
    const stale = await pairingPartiesRepository.pairingsOfUntagged(db, batchSize);
    let progressed = false;
    for (const pairing of stale) {
      const won = await db
        .transaction()
        .execute((trx) =>
          endPairing(
            ctx,
            trx,
            pairing,
            { reason: 'tag_removed', note: '困难标签已移除（户已不在困难名单）', on: beijingDate(ctx.now()) },
            SYSTEM_ACTOR,
          ),
        );
      if (won) {
        ended.push(pairing.id);
        progressed = true;
      }
    }
    if (stale.length < batchSize || !progressed) return ended;
  }
}
