import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../auth/scope.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { catalogueRepository } from './catalogue.repository.js';
import { districtsOf } from './catalogue.service.js';

/**
 * Hotlines as staff read and admins edit them. Unlike the catalogue and the calendar they belong to
 * a unit in the caller's scope, not to the installation, and no cache holds them. Every edit is audited.
 */
export class HotlinesAdmin {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * The hotlines of the districts the caller works in. Not narrowed to the caller's subtree: a
   * community's staff must recognise the district's hotline on their orders, and a hotline's
   * number is public anyway; another district's hotlines are none of their business.
   */
  hotlines(scope: Scope) {
    return catalogueRepository.hotlinesOfDistricts(this.ctx.database.db, districtsOf(scope.roots));
  }

  /** A hotline belongs to a unit inside the caller's scope; orders taken on it start there. */
  async createHotline(
    scope: Scope,
    input: { number: string; name: string; regionCode: string },
    actor: AuditActor,
  ) {
    const { db } = this.ctx.database;
    const id = uuidv7();
    try {
      await db.transaction().execute(async (trx) => {
        const region = await regionsRepository.findUnscoped(trx, input.regionCode);
        if (!region || !scope.includes(region.code))
          throw fieldError('regionCode', 'workorder.unknown_region');
        await catalogueRepository.insertHotline(trx, {
          id,
          district_code: region.district_code,
          region_code: region.code,
          number: input.number,
          name: input.name,
          active: 1,
          created_at: this.ctx.now().toISOString(),
        });
        await this.ctx.audit.append(trx, actor, {
          action: 'hotline.created',
          targetType: 'hotline',
          targetId: id,
          regionCode: region.code,
          summary: input,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('hotline.exists');
      throw error;
    }
    return (await catalogueRepository.hotline(db, id))!;
  }

  async updateHotline(
    scope: Scope,
    id: string,
    input: { name?: string | undefined; active?: boolean | undefined },
    actor: AuditActor,
  ) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const hotline = await catalogueRepository.hotline(trx, id);
      if (!hotline || !scope.includes(hotline.region_code)) throw notFound('workorder.unknown_hotline');
      await catalogueRepository.updateHotline(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'hotline.updated',
        targetType: 'hotline',
        targetId: id,
        regionCode: hotline.region_code,
        summary: input,
      });
    });
    return (await catalogueRepository.hotline(db, id))!;
  }
}
