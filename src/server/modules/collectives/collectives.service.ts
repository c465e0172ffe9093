import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { createCollectiveBody, incomeBody, shareholderBody } from '../../../shared/api/collectives.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type CollectiveRow, collectivesRepository as repo } from './collectives.repository.js';
import { dividendsRepository } from './dividends.repository.js';

/** 村集体经济组织: one per community or village, its shareholders from the register, its income. */
export class CollectivesService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(
    scope: Scope,
    input: z.output<typeof createCollectiveBody>,
    actor: AuditActor,
  ): Promise<string> {
    const { db } = this.ctx.database;
    const region = await repo.region(db, scope, input.regionCode);
    if (!region) throw notFound('region.not_found', { code: input.regionCode });
    if (region.kind !== 'village' && region.kind !== 'community')
      throw fieldError('regionCode', 'collective.region_kind');
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (await repo.ofRegion(trx, region.code)) throw fieldError('regionCode', 'collective.region_taken');
      await repo.insert(trx, {
        id,
        district_code: districtOf(region.code),
        region_code: region.code,
        name: input.name,
        retention_bp: input.retentionBp,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'collective.created',
        targetType: 'collective',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, retentionBp: input.retentionBp },
      });
    });
    return id;
  }

  async inScope(scope: Scope, id: string): Promise<CollectiveRow> {
    const found = await repo.findInScope(this.ctx.database.db, scope, id);
    if (!found) throw notFound('collective.not_found');
    return found;
  }

  /** A villager of the collective's place on the register gets (or changes to) `shares` shares. */
  async setShareholder(scope: Scope, id: string, input: z.output<typeof shareholderBody>, actor: AuditActor) {
    const collective = await this.inScope(scope, id);
    const { db } = this.ctx.database;
    const person = await repo.person(db, scope, input.personId);
    if (!person) throw fieldError('personId', 'collective.unknown_person');
    if (person.status !== 'active' || !person.region_code.startsWith(collective.region_code))
      throw fieldError('personId', 'collective.not_villager');
    await db.transaction().execute(async (trx) => {
      await repo.setShares(trx, {
        districtCode: collective.district_code,
        collectiveId: id,
        personId: person.id,
        shares: input.shares,
        at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'collective.shareholder_set',
        targetType: 'collective',
        targetId: id,
        regionCode: collective.region_code,
        summary: { personId: person.id, shares: input.shares },
      });
    });
  }

  /**
   * An income entry of a year. A year whose dividend is approved is closed; a draft of that year
   * no longer adds up and is discarded (to be drafted again), in the same transaction.
   */
  async recordIncome(scope: Scope, id: string, input: z.output<typeof incomeBody>, actor: AuditActor) {
    const collective = await this.inScope(scope, id);
    if (!input.receivedOn.startsWith(`${input.year}-`))
      throw fieldError('receivedOn', 'collective.date_in_year');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const run = await dividendsRepository.ofYear(trx, id, input.year);
      if (run?.status === 'approved') throw conflict('collective.year_closed', { year: input.year });
      if (run) await dividendsRepository.deleteDraft(trx, run.id);
      await repo.insertIncome(trx, {
        id: uuidv7(),
        district_code: collective.district_code,
        collective_id: id,
        year: input.year,
        amount_fen: input.amountFen,
        source: input.source,
        received_on: input.receivedOn,
        recorded_by: actor.id,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'collective.income_recorded',
        targetType: 'collective',
        targetId: id,
        regionCode: collective.region_code,
        summary: { year: input.year, amountFen: input.amountFen, source: input.source },
      });
    });
  }

  list(scope: Scope, region: string | undefined, after: string | undefined, limit: number) {
    const within = region ? scope.filteredTo(region) : scope;
    return repo.list(this.ctx.database.db, within, after, limit);
  }

  async detail(scope: Scope, id: string) {
    await this.inScope(scope, id);
    const { db } = this.ctx.database;
    const [collective, incomes, runs] = await Promise.all([
      repo.viewUnscoped(db, id),
      repo.incomes(db, id),
      dividendsRepository.runsOf(db, id),
    ]);
    return { collective: collective!, incomes, runs };
  }

  async shareholders(scope: Scope, id: string, after: string | undefined, limit: number) {
    await this.inScope(scope, id);
    return repo.shareholders(this.ctx.database.db, id, after, limit);
  }
}

export type CollectiveDetailView = Awaited<ReturnType<CollectivesService['detail']>>;
