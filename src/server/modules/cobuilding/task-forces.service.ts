import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { createTaskForceBody, resultBody, secondmentBody } from '../../../shared/api/cobuilding.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { cobuildingPartiesRepository as parties } from './cobuilding-parties.repository.js';
import { taskForcesRepository as forces } from './task-forces.repository.js';

/**
 * 临时党组织 and 攻坚队 (the land-acquisition command: 200+ cadres, 18 organizations, 10+ vanguard
 * teams): a purpose, a period, members seconded from their home organizations for a period of
 * their own, and the results they report (a day, a text, optional figures).
 */
export class TaskForcesService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, input: z.output<typeof createTaskForceBody>, actor: AuditActor) {
    const { db } = this.ctx.database;
    const region = await parties.region(db, scope, input.regionCode);
    if (!region) throw fieldError('regionCode', 'cobuilding.unknown_region');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await forces.insert(trx, {
        id,
        district_code: districtOf(region.code),
        region_code: region.code,
        name: input.name,
        kind: input.kind,
        purpose: input.purpose,
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.task_force_created',
        targetType: 'task_force',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, kind: input.kind, startsOn: input.startsOn },
      });
    });
    return this.detail(scope, id);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const row = await forces.findInScope(db, scope, id);
    if (!row) throw notFound('cobuilding.task_force_not_found');
    const names = await parties.regionNames(db, [row.region_code]);
    return {
      row,
      regionName: names.get(row.region_code) ?? row.region_code,
      secondments: await forces.secondments(db, id),
      results: await forces.results(db, id),
    };
  }

  async list(scope: Scope, region: string | undefined) {
    const { db } = this.ctx.database;
    let narrowed = scope;
    if (region) {
      if (!(await parties.region(db, scope, region))) throw notFound('region.not_found', { code: region });
      narrowed = scope.filteredTo(region);
    }
    const rows = await forces.list(db, narrowed);
    const names = await parties.regionNames(
      db,
      rows.map((r) => r.region_code),
    );
    return rows.map((row) => ({ row, regionName: names.get(row.region_code) ?? row.region_code }));
  }

  async second(scope: Scope, id: string, input: z.output<typeof secondmentBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await forces.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.task_force_not_found');
      const member = await parties.member(trx, scope, input.memberId);
      if (!member || member.district_code !== row.district_code || member.status === 'lost_contact')
        throw fieldError('memberId', 'cobuilding.unknown_member');
      if (input.fromOn < row.starts_on || (row.ends_on !== null && input.fromOn > row.ends_on))
        throw fieldError('fromOn', 'cobuilding.outside_period', {
          from: row.starts_on,
          to: row.ends_on ?? '',
        });
      if (row.ends_on !== null && input.toOn !== undefined && input.toOn > row.ends_on)
        throw fieldError('toOn', 'cobuilding.outside_period', { from: row.starts_on, to: row.ends_on });
      const toOn = input.toOn ?? row.ends_on;
      if (await forces.overlappingSecondment(trx, id, member.id, input.fromOn, toOn))
        throw conflict('cobuilding.already_seconded');
      const secondmentId = uuidv7();
      await forces.addSecondment(trx, {
        id: secondmentId,
        district_code: row.district_code,
        region_code: row.region_code,
        task_force_id: id,
        member_id: member.id,
        home_organization_id: member.organization_id,
        role: input.role,
        from_on: input.fromOn,
        to_on: toOn,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.member_seconded',
        targetType: 'task_force',
        targetId: id,
        regionCode: row.region_code,
        summary: {
          secondmentId,
          memberId: member.id,
          homeOrganizationId: member.organization_id,
          fromOn: input.fromOn,
          toOn,
        },
      });
    });
    return this.detail(scope, id);
  }

  async addResult(scope: Scope, id: string, input: z.output<typeof resultBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await forces.findInScope(trx, scope, id);
      if (!row) throw notFound('cobuilding.task_force_not_found');
      if (input.onDay < row.starts_on)
        throw fieldError('onDay', 'cobuilding.before_start', { from: row.starts_on });
      const resultId = uuidv7();
      await forces.addResult(trx, {
        id: resultId,
        district_code: row.district_code,
        region_code: row.region_code,
        task_force_id: id,
        on_day: input.onDay,
        text: input.text,
        figures: JSON.stringify(input.figures),
        created_by: actor.id,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.result_recorded',
        targetType: 'task_force',
        targetId: id,
        regionCode: row.region_code,
        summary: { resultId, onDay: input.onDay, figures: input.figures.length },
      });
    });
    return this.detail(scope, id);
  }
}
