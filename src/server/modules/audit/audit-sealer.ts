import type { ServiceContext } from '../../services.js';
import { districtLinkMac } from './audit-anchor.js';
import { districtLinkHash } from './audit-chain.js';
import { type SealedLink, sealRepository } from './audit-seal.repository.js';

export type SealerContext = Pick<ServiceContext, 'database' | 'audit' | 'now'>;

/** Rows linked per transaction: short transactions, and a sealer that keeps up with bursts. */
const SEAL_BATCH = 1000;

/** Seals up to a batch of one district's committed rows; how many it sealed (0: nothing, or another process is at it). */
async function sealBatch(ctx: SealerContext, district: string, wait: boolean): Promise<number> {
  const { database } = ctx;
  return database.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    const head = await sealRepository.takeHead(trx, database, district, at, wait);
    if (!head) return 0;
    const rows = await sealRepository.unsealedOf(trx, district, SEAL_BATCH);
    if (rows.length === 0) return 0;
    let { link, hash } = head;
    const links: SealedLink[] = [];
    for (const row of rows) {
      const seq = Number(row.seq);
      link += 1;
      const next = districtLinkHash(hash, link, { ...row, seq });
      links.push({
        seq,
        link,
        prev_hash: hash,
        hash: next,
        mac: districtLinkMac(ctx.audit.macKey, district, link, next),
      });
      hash = next;
    }
    await sealRepository.writeLinks(trx, database, district, links);
    await sealRepository.moveHead(trx, district, { link, hash, mac: links.at(-1)!.mac, at });
    return rows.length;
  });
}

/**
 * The sealer: links every committed row not yet in a chain into its district's chain, in the order
 * the rows were written, a batch per short transaction, and moves the district's head. Run every
 * second by the scheduler of each process, by `audit verify`, backups, and tests before they check
 * the chain. Exactly once with several processes: a district's batch is sealed under its head's
 * row lock, and a process that finds the head locked leaves the district to the one holding it.
 * `wait` (verify, backups, tests) waits for a process sealing a district instead of leaving it to
 * that process, so every row committed before the call is sealed when it returns.
 * Returns how many rows it sealed.
 */
export async function sealAuditChains(ctx: SealerContext, options: { wait?: boolean } = {}): Promise<number> {
  let sealed = 0;
  // The districts take turns, a batch each per round: one busy district does not hold back the
  // others' chains; those whose batch was full come back for another round.
  let waiting = await sealRepository.districtsWaiting(ctx.database.db);
  while (waiting.length > 0) {
    const full: string[] = [];
    for (const district of waiting) {
      const count = await sealBatch(ctx, district, options.wait === true);
      sealed += count;
      if (count === SEAL_BATCH) full.push(district);
    }
    waiting = full;
  }
  return sealed;
}
