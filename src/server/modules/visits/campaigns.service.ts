import { v7 as uuidv7 } from 'uuid';
import type { CampaignRule } from '../../../shared/api/visits.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Principal } from '../../auth/principal.js';
import { Scope } from '../../auth/scope.js';
import { fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import {
  type Campaign,
  type CampaignView,
  campaignsRepository,
  type FirstAssignment,
} from './campaigns.repository.js';
import { targetsRepository } from './targets.repository.js';
import { visitLookups } from './visit-lookups.repository.js';

export interface CampaignInput {
  name: string;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  rule: CampaignRule;
  minVisits: number;
  tag?: string | undefined;
  assignBy?: 'grid' | 'care' | undefined;
}

/** Months a period touches (2026-01-20 … 2026-03-05 → 3): a monthly rule's visits per household. */
export function monthsTouched(startsOn: string, endsOn: string): number {
  const [y1, m1] = startsOn.split('-').map(Number) as [number, number];
  const [y2, m2] = endsOn.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/** The day halfway through a period (YYYY-MM-DD). */
export function halfwayOf(startsOn: string, endsOn: string): string {
  const a = Date.parse(`${startsOn}T00:00:00Z`);
  const b = Date.parse(`${endsOn}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 走访 campaigns: a period, a region and a target rule, the households chosen from the register
 * with their first visitors, and the planning steps after (reassign, change a target, close).
 */
export class CampaignsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(principal: Principal, input: CampaignInput): Promise<CampaignView> {
    const { db } = this.ctx.database;
    const region = await visitLookups.regionInScope(db, principal.scope, input.regionCode);
    if (!region) throw fieldError('regionCode', 'visit.unknown_region');
    let tagCode: string | null = null;
    if (input.rule === 'tagged_monthly') {
      tagCode = (await visitLookups.tagCodeNamed(db, input.tag ?? '')) ?? null;
      if (!tagCode) throw fieldError('tag', 'visit.unknown_tag');
    }
    const targetVisits =
      input.rule === 'tagged_monthly' ? monthsTouched(input.startsOn, input.endsOn) : input.minVisits;
    const assignBy: FirstAssignment = input.assignBy ?? (input.rule === 'assigned' ? 'care' : 'grid');
    const now = this.ctx.now().toISOString();
    const campaign: Campaign = {
      id: uuidv7(),
      district_code: districtOf(region.code),
      region_code: region.code,
      name: input.name,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      halfway_on: halfwayOf(input.startsOn, input.endsOn),
      rule: input.rule,
      min_visits: targetVisits,
      tag_code: tagCode,
      status: 'active',
      created_by: principal.userId,
      created_at: now,
      updated_at: now,
    };
    await db.transaction().execute(async (trx) => {
      await campaignsRepository.insert(trx, campaign);
      const within = new Scope([region.code], this.ctx.database.dialect);
      await campaignsRepository.insertTargets(trx, campaign, within, targetVisits, assignBy);
      await campaignsRepository.rebuildCoverage(trx, campaign);
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'visit.campaign_created',
        targetType: 'visit_campaign',
        targetId: campaign.id,
        regionCode: region.code,
        summary: { name: input.name, rule: input.rule, targetVisits, assignBy, tag: input.tag ?? null },
      });
    });
    return (await campaignsRepository.viewUnscoped(db, campaign.id))!;
  }

  async list(
    scope: Scope,
    query: { region?: string | undefined; cursor?: string | undefined; limit: number },
  ) {
    const within = query.region ? scope.filteredTo(query.region) : scope;
    return pageById(query, (after, limit) =>
      campaignsRepository.list(this.ctx.database.db, within, after, limit),
    );
  }

  async get(scope: Scope, id: string): Promise<CampaignView> {
    const { db } = this.ctx.database;
    if (!(await campaignsRepository.findVisible(db, scope, id))) throw notFound('visit.campaign_not_found');
    return (await campaignsRepository.viewUnscoped(db, id))!;
  }

  /** Gives households (by hand, or a bulk reassignment from the overdue list) to a visitor. */
  async assign(
    scope: Scope,
    actor: AuditActor,
    id: string,
    input: { householdIds: string[]; visitorUserId: string | null },
  ): Promise<CampaignView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const campaign = await campaignsRepository.findInScope(trx, scope, id);
      if (!campaign) throw notFound('visit.campaign_not_found');
      const region = new Scope([campaign.region_code], this.ctx.database.dialect);
      if (input.visitorUserId && !(await visitLookups.visitorInScope(trx, region, input.visitorUserId)))
        throw fieldError('visitorUserId', 'visit.unknown_visitor');
      const ids = [...new Set(input.householdIds)];
      const found = await targetsRepository.householdsIn(trx, scope, campaign.district_code, id, ids);
      if (found.length !== ids.length) throw fieldError('householdIds', 'visit.household_not_in_campaign');
      await targetsRepository.assign(trx, campaign.district_code, id, ids, input.visitorUserId);
      await campaignsRepository.rebuildCoverage(trx, campaign);
      await this.ctx.audit.append(trx, actor, {
        action: 'visit.assigned',
        targetType: 'visit_campaign',
        targetId: id,
        regionCode: campaign.region_code,
        summary: { households: ids.length, visitorUserId: input.visitorUserId },
      });
    });
    return (await campaignsRepository.viewUnscoped(db, id))!;
  }

  /** A different target for one visitor's households or one region's (targets may differ). */
  async setTarget(
    scope: Scope,
    actor: AuditActor,
    id: string,
    input: { targetVisits: number; visitorUserId?: string | undefined; regionCode?: string | undefined },
  ): Promise<{ changed: number }> {
    const { db } = this.ctx.database;
    return db.transaction().execute(async (trx) => {
      const campaign = await campaignsRepository.findInScope(trx, scope, id);
      if (!campaign) throw notFound('visit.campaign_not_found');
      const region = new Scope([campaign.region_code], this.ctx.database.dialect);
      let changed: number;
      if (input.visitorUserId) {
        if (!(await visitLookups.visitorInScope(trx, region, input.visitorUserId)))
          throw fieldError('visitorUserId', 'visit.unknown_visitor');
        changed = await targetsRepository.setTarget(trx, campaign.district_code, id, input.targetVisits, {
          visitorUserId: input.visitorUserId,
        });
      } else {
        const code = input.regionCode!;
        if (!region.includes(code) || !scope.includes(code))
          throw fieldError('regionCode', 'visit.unknown_region');
        changed = await targetsRepository.setTarget(trx, campaign.district_code, id, input.targetVisits, {
          region: new Scope([code], this.ctx.database.dialect),
        });
      }
      await campaignsRepository.rebuildCoverage(trx, campaign);
      await this.ctx.audit.append(trx, actor, {
        action: 'visit.target_set',
        targetType: 'visit_campaign',
        targetId: id,
        regionCode: campaign.region_code,
        summary: { ...input, changed },
      });
      return { changed };
    });
  }

  async close(scope: Scope, actor: AuditActor, id: string): Promise<CampaignView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const campaign = await campaignsRepository.findInScope(trx, scope, id);
      if (!campaign) throw notFound('visit.campaign_not_found');
      if (campaign.status === 'closed') return;
      await campaignsRepository.setStatus(trx, id, 'closed', this.ctx.now().toISOString());
      await this.ctx.audit.append(trx, actor, {
        action: 'visit.campaign_closed',
        targetType: 'visit_campaign',
        targetId: id,
        regionCode: campaign.region_code,
        summary: {},
      });
    });
    return (await campaignsRepository.viewUnscoped(db, id))!;
  }
}
