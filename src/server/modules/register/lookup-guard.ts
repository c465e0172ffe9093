import { DomainError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { countActorActionsSince, lockActorFor } from '../audit/index.js';

/** What a whole-number search tests: a guess at a value that lists show only masked. */
export type LookupKind = 'id_number' | 'phone' | 'phone_last4';

/** Where the look-up was made, for the audit row. */
export type LookupVia = 'register' | 'register_export' | 'caller' | 'member_create';

const LOOKED_UP = 'person.looked_up';
const HOUR_MS = 60 * 60_000;

/**
 * A search by a whole ID number or phone is a look-up, not a search: each answer says whether a
 * guess at a masked value is right, so enough of them rebuild it (about 1,150 requests recovered
 * a masked phone before this guard). Each look-up is therefore written to the audit log (which
 * kind, never the value) and an account may make `config.lookupsPerHour` of them an hour.
 *
 * The row is written first and the hour counted after, in the same transaction, under a lock of
 * the account's own (audit appends take no lock since the audit chains are sealed in the
 * background): look-ups by one account are counted one after another even when they arrive at
 * once, and on either database the cap holds exactly. Over the cap, the transaction rolls back and
 * the caller gets 429.
 */
export async function recordLookup(
  ctx: ServiceContext,
  actor: AuditActor,
  lookup: { kind: LookupKind; via: LookupVia; regionCode: string },
): Promise<void> {
  const limit = ctx.config.lookupsPerHour;
  const since = new Date(ctx.now().getTime() - HOUR_MS).toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    if (actor.id) await lockActorFor(trx, ctx.database.dialect, actor.id, LOOKED_UP);
    await ctx.audit.append(trx, actor, {
      action: LOOKED_UP,
      targetType: 'person_search',
      regionCode: lookup.regionCode,
      summary: { kind: lookup.kind, via: lookup.via },
    });
    // A system actor (CLI, scheduler) has no id and no cap: it is not a person guessing.
    if (!actor.id) return;
    const made = await countActorActionsSince(trx, actor.id, LOOKED_UP, since);
    if (made > limit) throw new DomainError('person.lookup_limited', 429, { limit });
  });
}
