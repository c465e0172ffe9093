import { v7 as uuidv7 } from 'uuid';
import { beijingDate } from '../../../shared/beijing-time.js';
import { childLengthOf, REGION_CODE_LENGTH } from '../../../shared/region-code.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Insertable } from '../../db/row-types.js';
import type { DeedTable } from '../../db/tables.js';
import { DomainError, fieldError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { bumpDeedRollups } from '../cockpit/index.js';
import { regionsRepository } from '../regions/index.js';
import { deedsRepository } from './deeds.repository.js';

export interface DeedInput {
  title: string;
  description?: string | undefined;
  doneOn: string;
}

/**
 * Writes a deed and bumps the cockpit's deed counters (done in its month, in all), in the caller's
 * transaction: the one way a deed is written, here and when a member resolves an order.
 */
export async function writeDeedAndCounters(trx: Executor, row: Insertable<DeedTable>): Promise<void> {
  await deedsRepository.insert(trx, row);
  await bumpDeedRollups(trx, row);
}

/**
 * 好事实事: deeds of members, recorded when they resolve an order (see the actions service), by a
 * secretary for a member in scope, or by the member themselves. Counted by region and member.
 */
export class DeedsService {
  constructor(private readonly ctx: ServiceContext) {}

  private async record(
    member: { id: string; region_code: string; district_code: string },
    input: DeedInput,
    actor: AuditActor,
    userId: string,
  ) {
    if (input.doneOn > beijingDate(this.ctx.now()))
      throw fieldError('doneOn', 'field.too_big', { maximum: 'today' });
    const id = uuidv7();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await writeDeedAndCounters(trx, {
        id,
        district_code: member.district_code,
        region_code: member.region_code,
        member_id: member.id,
        work_order_id: null,
        title: input.title,
        description: input.description ?? '',
        done_on: input.doneOn,
        created_by: userId,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'deed.recorded',
        targetType: 'member',
        targetId: member.id,
        regionCode: member.region_code,
        summary: { deedId: id, title: input.title, doneOn: input.doneOn },
      });
    });
    return id;
  }

  async recordFor(principal: Principal, memberId: string, input: DeedInput) {
    const scope = principal.scopeFor('deed.write');
    const member = await deedsRepository.memberInScope(this.ctx.database.db, scope, memberId);
    if (!member) throw fieldError('memberId', 'deed.unknown_member');
    return this.record(member, input, principal.actor, principal.userId);
  }

  async recordOwn(userId: string, input: DeedInput, actor: AuditActor) {
    const member = await deedsRepository.memberOfUser(this.ctx.database.db, userId);
    if (!member) throw new DomainError('deed.not_a_member', 403);
    return this.record(member, input, actor, userId);
  }

  list(scope: Scope, filter: { region?: string | undefined; memberId?: string | undefined; limit: number }) {
    const narrowed = filter.region ? scope.filteredTo(filter.region) : scope;
    return deedsRepository.list(this.ctx.database.db, narrowed, filter);
  }

  /** Per child region of `region` (or of the scope's root) and the members with most deeds. */
  async summary(scope: Scope, region: string | undefined) {
    const { db } = this.ctx.database;
    const parent = region ?? scope.roots[0] ?? '';
    const narrowed = region ? scope.filteredTo(region) : scope.narrowedTo(parent);
    const childLength = childLengthOf(parent) ?? REGION_CODE_LENGTH.building;
    const [byRegion, byMember] = await Promise.all([
      deedsRepository.countsByRegion(db, narrowed, childLength),
      deedsRepository.countsByMember(db, narrowed, 20),
    ]);
    const names = new Map<string, string>();
    for (const row of byRegion)
      names.set(
        row.region_code,
        (await regionsRepository.findUnscoped(db, row.region_code))?.name ?? row.region_code,
      );
    return {
      byRegion: byRegion
        .map((row) => ({
          regionCode: row.region_code,
          regionName: names.get(row.region_code) ?? '',
          deeds: Number(row.deeds),
        }))
        .sort((a, b) => b.deeds - a.deeds),
      byMember: byMember.map((row) => ({
        memberId: row.member_id,
        memberName: row.member_name,
        deeds: Number(row.deeds),
      })),
    };
  }
}
