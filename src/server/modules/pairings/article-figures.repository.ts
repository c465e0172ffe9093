import type { PairingTargetKind } from '../../../shared/api/pairings.js';
import type { Executor } from '../../db/database.js';

/** Distinct targets of one kind with an active pairing in a district. */
const pairedTargets = async (db: Executor, district: string, kind: PairingTargetKind) => {
  const row = await db
    .selectFrom('pairings')
    .select((eb) => eb.fn.count<number>('target_id').distinct().as('n'))
    .where('district_code', '=', district)
    .where('target_kind', '=', kind)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/**
 * The article's pairing figures for `lianxin report article` (帮扶关系 now in place): enterprises,
 * communities/villages and households with an active pairing, each counted once however many
 * helpers it has.
 */
export async function articlePairingFigures(db: Executor, district: string) {
  return {
    paired_enterprises: await pairedTargets(db, district, 'enterprise'),
    paired_communities: await pairedTargets(db, district, 'region'),
    paired_households: await pairedTargets(db, district, 'household'),
  };
}
