import type { Scope } from '../../auth/scope.js';
import type { Household } from '../../db/tables.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { regionStats } from '../stats/index.js';
import { careRepository } from './care.repository.js';
import { coverageRepository } from './coverage.repository.js';
import { organizationsRepository } from './organizations.repository.js';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** 每一个群众都有一名党员关心: warm groups, caring members, and how far coverage reaches. */
export class CareService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Adds households (by id, or a whole building entrance) to a warm group. */
  async addToWarmGroup(
    scope: Scope,
    warmGroupId: string,
    input: {
      householdIds?: string[] | undefined;
      buildingCode?: string | undefined;
      unit?: string | undefined;
    },
    actor: AuditActor,
  ): Promise<number> {
    const { db } = this.ctx.database;
    return db.transaction().execute(async (trx) => {
      const group = await organizationsRepository.findInScope(trx, scope, warmGroupId);
      if (!group) throw notFound('organization.not_found');
      if (group.kind !== 'warm_group') throw new DomainError('organization.not_warm_group', 400);
      const households = input.buildingCode
        ? await coverageRepository.householdsAtEntrance(trx, scope, input.buildingCode, input.unit)
        : await coverageRepository.householdsInScope(trx, scope, input.householdIds ?? []);
      if (!input.buildingCode && households.length !== (input.householdIds ?? []).length)
        throw notFound('household.not_found');
      if (households.length === 0)
        throw fieldError(input.buildingCode ? 'buildingCode' : 'householdIds', 'field.required');
      const now = this.ctx.now().toISOString();
      let added = 0;
      for (const household of households) {
        const current = await careRepository.warmGroupOf(trx, household.id);
        if (current?.id === group.id) continue;
        if (current) throw new DomainError('household.in_other_warm_group', 409, { name: current.name });
        await careRepository.addToWarmGroup(trx, {
          householdId: household.id,
          organizationId: group.id,
          regionCode: household.region_code,
          at: now,
        });
        const pairing = await careRepository.pairingOf(trx, household.id);
        if (group.leader_member_id && pairing?.source !== 'assigned') {
          await careRepository.pair(trx, {
            householdId: household.id,
            memberId: group.leader_member_id,
            regionCode: household.region_code,
            source: 'warm_group',
            at: now,
          });
        }
        added += 1;
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'warm_group.households_added',
        targetType: 'organization',
        targetId: group.id,
        regionCode: group.region_code,
        summary: { added, buildingCode: input.buildingCode ?? null, unit: input.unit ?? null },
      });
      return added;
    });
  }

  async removeFromWarmGroup(
    scope: Scope,
    warmGroupId: string,
    householdId: string,
    actor: AuditActor,
  ): Promise<void> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const group = await organizationsRepository.findInScope(trx, scope, warmGroupId);
      const [household] = await coverageRepository.householdsInScope(trx, scope, [householdId]);
      const current = household ? await careRepository.warmGroupOf(trx, householdId) : undefined;
      if (!group || !household || current?.id !== group.id) throw notFound('household.not_found');
      await careRepository.removeFromWarmGroup(trx, householdId, household.region_code);
      const pairing = await careRepository.pairingOf(trx, householdId);
      if (pairing?.source === 'warm_group')
        await careRepository.unpair(trx, householdId, household.region_code);
      await this.ctx.audit.append(trx, actor, {
        action: 'warm_group.household_removed',
        targetType: 'household',
        targetId: householdId,
        regionCode: household.region_code,
        summary: { warmGroupId },
      });
    });
  }

  /** Names a household's caring member by hand (the "assign" of the uncovered list). */
  async assign(scope: Scope, householdId: string, memberId: string, actor: AuditActor): Promise<void> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const [household] = await coverageRepository.householdsInScope(trx, scope, [householdId]);
      if (!household) throw notFound('household.not_found');
      const member = await organizationsRepository.findMemberInScope(trx, scope, memberId);
      if (!member) throw fieldError('memberId', 'member.not_found');
      await careRepository.pair(trx, {
        householdId,
        memberId,
        regionCode: household.region_code,
        source: 'assigned',
        at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'care.assigned',
        targetType: 'household',
        targetId: householdId,
        regionCode: household.region_code,
        summary: { memberId },
      });
    });
  }

  /** The households a warm group looks after, with their caring member. */
  async warmGroupHouseholds(scope: Scope, warmGroupId: string) {
    const { db } = this.ctx.database;
    const group = await organizationsRepository.findInScope(db, scope, warmGroupId);
    if (!group) throw notFound('organization.not_found');
    const households = await careRepository.householdsOfWarmGroup(db, warmGroupId);
    const ids = households.map((h) => h.household_id);
    const places = await coverageRepository.householdsWithPlace(db, ids);
    const caring = new Map((await careRepository.caringMembersOf(db, ids)).map((c) => [c.household_id, c]));
    const names = await regionsRepository.namesOf(db, [...new Set(places.map((p) => p.region_code))]);
    return places.map((h) => ({
      id: h.id,
      regionCode: h.region_code,
      placeName: names.get(h.region_code) ?? h.region_code,
      unit: h.unit,
      floor: h.floor,
      room: h.room,
      address: h.address,
      caringMember: caring.get(h.id)?.name ?? null,
      caringSource: caring.get(h.id)?.source ?? null,
    }));
  }

  /** Removes a hand-made pairing; the warm group's leader, if any, takes over again. */
  async unassign(scope: Scope, householdId: string, actor: AuditActor): Promise<void> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const [household] = await coverageRepository.householdsInScope(trx, scope, [householdId]);
      if (!household) throw notFound('household.not_found');
      await careRepository.unpair(trx, householdId, household.region_code);
      const group = await careRepository.warmGroupOf(trx, householdId);
      if (group?.leader_member_id) {
        await careRepository.pair(trx, {
          householdId,
          memberId: group.leader_member_id,
          regionCode: household.region_code,
          source: 'warm_group',
          at: this.ctx.now().toISOString(),
        });
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'care.unassigned',
        targetType: 'household',
        targetId: householdId,
        regionCode: household.region_code,
      });
    });
  }

  /** Coverage of one region, from counters kept as changes happen: the same cost for any size. */
  async coverage(scope: Scope, regionCode: string) {
    const { db } = this.ctx.database;
    const region = await regionsRepository.findInScope(db, scope, regionCode);
    if (!region) throw notFound('region.not_found', { code: regionCode });
    const narrowed = scope.narrowedTo(regionCode);
    const stats = await regionStats(db, regionCode);
    const buildings = await coverageRepository.buildingCounts(db, narrowed);
    const enterprises = await coverageRepository.enterpriseCounts(db, narrowed);
    const children = await coverageRepository.childStats(db, regionCode);
    return {
      regionCode,
      name: region.name,
      households: stats.households,
      caredHouseholds: stats.caredHouseholds,
      carePercent: percent(stats.caredHouseholds, stats.households),
      warmGroupHouseholds: stats.warmGroupHouseholds,
      warmGroupPercent: percent(stats.warmGroupHouseholds, stats.households),
      buildings: buildings.buildings,
      buildingsWithCorridorBranch: buildings.covered,
      corridorBranchPercent: percent(buildings.covered, buildings.buildings),
      enterprises: enterprises.enterprises,
      enterprisesWithOrganization: enterprises.covered,
      enterprisePercent: percent(enterprises.covered, enterprises.enterprises),
      children: children.map((c) => ({
        code: c.code,
        name: c.name,
        kind: c.kind,
        households: Number(c.households ?? 0),
        caredHouseholds: Number(c.cared_households ?? 0),
        carePercent: percent(Number(c.cared_households ?? 0), Number(c.households ?? 0)),
        warmGroupHouseholds: Number(c.warm_group_households ?? 0),
        warmGroupPercent: percent(Number(c.warm_group_households ?? 0), Number(c.households ?? 0)),
      })),
    };
  }

  async uncovered(scope: Scope, regionCode: string, limit: number, cursor?: string) {
    const { db } = this.ctx.database;
    const narrowed = scope.filteredTo(regionCode);
    const after = decodeCursor(cursor, ['text', 'text']);
    const rows: Household[] = await careRepository.uncovered(
      db,
      narrowed,
      limit + 1,
      after && { regionCode: after[0], id: after[1] },
    );
    const { items, nextCursor } = page(rows, limit, (last) => [last.region_code, last.id]);
    const names = await regionsRepository.namesOf(db, [...new Set(items.map((r) => r.region_code))]);
    return {
      items: items.map((h) => ({
        id: h.id,
        regionCode: h.region_code,
        placeName: names.get(h.region_code) ?? h.region_code,
        unit: h.unit,
        floor: h.floor,
        room: h.room,
        address: h.address,
      })),
      nextCursor,
    };
  }

  buildingsWithoutCorridorBranch(scope: Scope, regionCode: string, limit: number) {
    return coverageRepository.buildingsWithoutCorridorBranch(
      this.ctx.database.db,
      scope.filteredTo(regionCode),
      limit,
    );
  }

  enterprisesWithoutOrganization(scope: Scope, regionCode: string, limit: number) {
    return coverageRepository.enterprisesWithoutOrganization(
      this.ctx.database.db,
      scope.filteredTo(regionCode),
      limit,
    );
  }
}
