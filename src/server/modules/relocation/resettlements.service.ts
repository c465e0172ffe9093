import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { createResettlementBody } from '../../../shared/api/relocation.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { resettlementsRepository } from './resettlements.repository.js';

/** 安置社区: a community of the region tree taking relocated households in, up to its capacity in flats. */
export class ResettlementsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, input: z.output<typeof createResettlementBody>, actor: AuditActor) {
    const { db } = this.ctx.database;
    const region = await regionsRepository.findInScope(db, scope, input.regionCode);
    if (!region) throw fieldError('regionCode', 'relocation.unknown_region');
    if (region.kind !== 'community') throw fieldError('regionCode', 'relocation.not_community');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    const district = districtOf(region.code);
    await db.transaction().execute(async (trx) => {
      if (await resettlementsRepository.byRegion(trx, district, region.code))
        throw conflict('relocation.resettlement_exists');
      await resettlementsRepository.insert(trx, {
        id,
        district_code: district,
        region_code: region.code,
        name: input.name,
        capacity_units: input.capacityUnits,
        occupied_units: 0,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'relocation.resettlement_created',
        targetType: 'resettlement_community',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, capacityUnits: input.capacityUnits },
      });
    });
    return this.detail(scope, id);
  }

  async setCapacity(scope: Scope, id: string, capacity: number, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const community = await resettlementsRepository.findInScope(trx, scope, id);
      if (!community) throw notFound('relocation.resettlement_not_found');
      if (!(await resettlementsRepository.setCapacity(trx, id, capacity, this.ctx.now().toISOString())))
        throw fieldError('capacityUnits', 'relocation.capacity_below_occupied', {
          occupied: community.occupied_units,
        });
      await this.ctx.audit.append(trx, actor, {
        action: 'relocation.resettlement_updated',
        targetType: 'resettlement_community',
        targetId: id,
        regionCode: community.region_code,
        summary: { from: community.capacity_units, to: capacity },
      });
    });
    return this.detail(scope, id);
  }

  async detail(scope: Scope, id: string) {
    const community = await resettlementsRepository.findInScope(this.ctx.database.db, scope, id);
    if (!community) throw notFound('relocation.resettlement_not_found');
    return community;
  }

  /** Every resettlement community of the caller's districts: where a case may be resettled. */
  async ofDistricts(scope: Scope) {
    const districts = [...new Set(scope.roots.map((root) => districtOf(root)))];
    const rows = await Promise.all(
      districts.map((d) => resettlementsRepository.ofDistrict(this.ctx.database.db, d)),
    );
    return rows.flat();
  }
}
