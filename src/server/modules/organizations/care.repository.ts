import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { bumpRegionStats } from '../stats/index.js';

/** Warm-group membership of households and care pairings, with the coverage counters they move. */
export const careRepository = {
  warmGroupOf(db: Executor, householdId: string) {
    return db
      .selectFrom('warm_group_households')
      .innerJoin('organizations', 'organizations.id', 'warm_group_households.organization_id')
      .select(['organizations.id', 'organizations.name', 'organizations.leader_member_id'])
      .where('warm_group_households.household_id', '=', householdId)
      .executeTakeFirst();
  },

  householdsOfWarmGroup(db: Executor, organizationId: string) {
    return db
      .selectFrom('warm_group_households')
      .select(['household_id', 'region_code'])
      .where('organization_id', '=', organizationId)
      .execute();
  },

  async addToWarmGroup(
    db: Executor,
    row: { householdId: string; organizationId: string; regionCode: string; at: string },
  ) {
    await db
      .insertInto('warm_group_households')
      .values({
        household_id: row.householdId,
        organization_id: row.organizationId,
        district_code: districtOf(row.regionCode),
        region_code: row.regionCode,
        created_at: row.at,
      })
      .execute();
    await bumpRegionStats(db, row.regionCode, { warm_group_households: 1 });
  },

  async removeFromWarmGroup(db: Executor, householdId: string, regionCode: string) {
    const result = await db
      .deleteFrom('warm_group_households')
      .where('household_id', '=', householdId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) > 0)
      await bumpRegionStats(db, regionCode, { warm_group_households: -1 });
  },

  pairingOf(db: Executor, householdId: string) {
    return db
      .selectFrom('care_pairings')
      .selectAll()
      .where('household_id', '=', householdId)
      .executeTakeFirst();
  },

  /** Sets (or replaces) a household's caring member; the counters move only for a new pairing. */
  async pair(
    db: Executor,
    row: {
      householdId: string;
      memberId: string;
      regionCode: string;
      source: 'warm_group' | 'assigned';
      at: string;
    },
  ) {
    const existing = await careRepository.pairingOf(db, row.householdId);
    if (existing) {
      await db
        .updateTable('care_pairings')
        .set({ member_id: row.memberId, source: row.source, updated_at: row.at })
        .where('household_id', '=', row.householdId)
        .execute();
      return;
    }
    await db
      .insertInto('care_pairings')
      .values({
        household_id: row.householdId,
        member_id: row.memberId,
        district_code: districtOf(row.regionCode),
        region_code: row.regionCode,
        source: row.source,
        created_at: row.at,
        updated_at: row.at,
      })
      .execute();
    await bumpRegionStats(db, row.regionCode, { cared_households: 1 });
  },

  async unpair(db: Executor, householdId: string, regionCode: string) {
    const result = await db
      .deleteFrom('care_pairings')
      .where('household_id', '=', householdId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) > 0) await bumpRegionStats(db, regionCode, { cared_households: -1 });
  },

  /** Pairings that follow a warm group's leader move to the new leader; assigned ones stay. */
  async followLeader(db: Executor, organizationId: string, memberId: string, at: string) {
    const households = await careRepository.householdsOfWarmGroup(db, organizationId);
    for (const household of households) {
      const existing = await careRepository.pairingOf(db, household.household_id);
      if (existing?.source === 'assigned') continue;
      await careRepository.pair(db, {
        householdId: household.household_id,
        memberId,
        regionCode: household.region_code,
        source: 'warm_group',
        at,
      });
    }
  },

  /** Households in scope without a caring member, a page at a time (keyset on region, id). */
  uncovered(db: Executor, scope: Scope, limit: number, after?: { regionCode: string; id: string }) {
    let query = db
      .selectFrom('households')
      .leftJoin('care_pairings', (join) =>
        join
          .onRef('care_pairings.household_id', '=', 'households.id')
          .onRef('care_pairings.district_code', '=', 'households.district_code'),
      )
      .selectAll('households')
      .where(scope.covers('households.region_code', { driveIndex: !after }))
      .where('care_pairings.household_id', 'is', null);
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('households.region_code', 'households.id'), '>', eb.tuple(after.regionCode, after.id)),
      );
      const upper = scope.upperBound;
      if (upper) query = query.where('households.region_code', '<', upper);
    }
    return query.orderBy('households.region_code').orderBy('households.id').limit(limit).execute();
  },

  caringMembersOf(db: Executor, householdIds: readonly string[]) {
    if (householdIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('care_pairings')
      .innerJoin('members', 'members.id', 'care_pairings.member_id')
      .innerJoin('persons', 'persons.id', 'members.person_id')
      .select([
        'care_pairings.household_id',
        'care_pairings.member_id',
        'care_pairings.source',
        'persons.name',
      ])
      .where('care_pairings.household_id', 'in', householdIds)
      .execute();
  },

  householdsCaredBy(db: Executor, memberId: string) {
    return db
      .selectFrom('care_pairings')
      .innerJoin('households', 'households.id', 'care_pairings.household_id')
      .selectAll('households')
      .where('care_pairings.member_id', '=', memberId)
      .execute();
  },
};
