import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { createUnitBody, unitActivityBody } from '../../../shared/api/cobuilding.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { cobuildingPartiesRepository as parties } from './cobuilding-parties.repository.js';
import { unitsRepository as units } from './units.repository.js';
import { venuesRepository as venues } from './venues.repository.js';

/**
 * 驻区共建单位: factories, agencies and schools of the district working with its communities; the
 * party members of the unit registered in communities (linked members and the unit's own count),
 * the activities they run with the community in the eight co-building areas.
 */
export class UnitsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, input: z.output<typeof createUnitBody>, actor: AuditActor) {
    const { db } = this.ctx.database;
    const region = await parties.region(db, scope, input.regionCode);
    if (!region) throw fieldError('regionCode', 'cobuilding.unknown_region');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await units.insert(trx, {
        id,
        district_code: districtOf(region.code),
        region_code: region.code,
        name: input.name,
        kind: input.kind,
        address: input.address,
        contact: input.contact,
        reported_members: input.reportedMembers,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.unit_created',
        targetType: 'cobuilding_unit',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, kind: input.kind },
      });
    });
    return this.detail(scope, id);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const row = await units.findInScope(db, scope, id);
    if (!row) throw notFound('cobuilding.unit_not_found');
    const names = await parties.regionNames(db, [row.region_code]);
    return {
      row,
      regionName: names.get(row.region_code) ?? row.region_code,
      members: await units.members(db, id),
      activities: await units.activities(db, id),
      venues: await venues.ofUnit(db, id),
    };
  }

  async list(scope: Scope, region: string | undefined) {
    const { db } = this.ctx.database;
    const narrowed = await this.narrowed(scope, region);
    const rows = await units.list(db, narrowed);
    const names = await parties.regionNames(
      db,
      rows.map((r) => r.region_code),
    );
    return rows.map((row) => ({ row, regionName: names.get(row.region_code) ?? row.region_code }));
  }

  async addMember(scope: Scope, id: string, memberId: string, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await units.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.unit_not_found');
      const member = await parties.member(trx, scope, memberId);
      if (!member || member.district_code !== row.district_code)
        throw fieldError('memberId', 'cobuilding.unknown_member');
      if (await units.memberLink(trx, id, memberId)) throw conflict('cobuilding.already_linked');
      await units.addMember(trx, {
        unit_id: id,
        member_id: memberId,
        district_code: row.district_code,
        region_code: row.region_code,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.unit_member_added',
        targetType: 'cobuilding_unit',
        targetId: id,
        regionCode: row.region_code,
        summary: { memberId },
      });
    });
    return this.detail(scope, id);
  }

  async addActivity(scope: Scope, id: string, input: z.output<typeof unitActivityBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await units.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.unit_not_found');
      if (input.volunteerActivityId) {
        const activity = await parties.volunteerActivity(trx, scope, input.volunteerActivityId);
        if (!activity || activity.district_code !== row.district_code)
          throw fieldError('volunteerActivityId', 'cobuilding.unknown_activity');
      }
      const activityId = uuidv7();
      await units.addActivity(trx, {
        id: activityId,
        district_code: row.district_code,
        region_code: row.region_code,
        unit_id: id,
        area: input.area,
        title: input.title,
        held_on: input.heldOn,
        participants: input.participants,
        volunteer_activity_id: input.volunteerActivityId ?? null,
        note: input.note,
        created_by: actor.id,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.activity_recorded',
        targetType: 'cobuilding_unit',
        targetId: id,
        regionCode: row.region_code,
        summary: { activityId, area: input.area, title: input.title, heldOn: input.heldOn },
      });
    });
    return this.detail(scope, id);
  }

  private async narrowed(scope: Scope, region: string | undefined): Promise<Scope> {
    if (!region) return scope;
    if (!(await parties.region(this.ctx.database.db, scope, region)))
      throw notFound('region.not_found', { code: region });
    return scope.filteredTo(region);
  }
}
