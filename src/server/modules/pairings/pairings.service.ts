import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  CreatePairingBody,
  contactBody,
  endPairingBody,
  outcomeBody,
  PairingStatus,
  PairingTargetKind,
  supportBody,
} from '../../../shared/api/pairings.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { pairingPartiesRepository as parties } from './pairing-parties.repository.js';
import { type PairingRow, pairingsRepository } from './pairings.repository.js';

/** 帮扶结对: pairings of a helper with a target, their contacts, support, outcomes and end. */
export class PairingsService {
  constructor(private readonly ctx: ServiceContext) {}

  private today(): string {
    return beijingDate(this.ctx.now());
  }

  private notLater(field: string, day: string): void {
    if (day > this.today()) throw fieldError(field, 'pairing.date_in_future');
  }

  /**
   * The helper, anywhere in the target's district: cadres of the district's offices and party
   * members of other communities pair with a community's households (机关干部结对帮扶), so a grid
   * worker may name a helper from outside their own grid.
   */
  private async helperOf(district: Scope, input: CreatePairingBody) {
    const { db } = this.ctx.database;
    const found =
      input.helperKind === 'user'
        ? await parties.user(db, district, input.helperId)
        : input.helperKind === 'member'
          ? await parties.member(db, district, input.helperId)
          : await parties.organization(db, district, input.helperId);
    if (!found) throw fieldError('helperId', 'pairing.unknown_helper');
    return found;
  }

  /** The target in scope: its name and the place the pairing is filed under. */
  private async targetOf(scope: Scope, kind: PairingTargetKind, id: string) {
    const { db } = this.ctx.database;
    if (kind === 'enterprise') {
      const enterprise = await parties.enterprise(db, scope, id);
      if (!enterprise) throw fieldError('targetId', 'pairing.unknown_target');
      return { id, name: enterprise.name, regionCode: enterprise.region_code };
    }
    if (kind === 'region') {
      const region = /^\d{6,17}$/.test(id) ? await regionsRepository.findInScope(db, scope, id) : undefined;
      if (!region) throw fieldError('targetId', 'pairing.unknown_target');
      if (region.kind !== 'community' && region.kind !== 'village')
        throw fieldError('targetId', 'pairing.target_not_community');
      return { id, name: region.name, regionCode: region.code };
    }
    const household = await parties.household(db, scope, id);
    if (!household) throw fieldError('targetId', 'pairing.unknown_target');
    if (!household.in_difficulty) throw fieldError('targetId', 'pairing.household_not_in_difficulty');
    const head = household.head_status === 'anonymized' ? '' : (household.head_name ?? '');
    return {
      id,
      name: head ? `${head}户 · ${household.address}` : household.address,
      regionCode: household.region_code,
    };
  }

  async create(scope: Scope, input: CreatePairingBody, actor: AuditActor): Promise<string> {
    this.notLater('startedOn', input.startedOn);
    const target = await this.targetOf(scope, input.targetKind, input.targetId);
    const helper = await this.helperOf(new Scope([districtOf(target.regionCode)], scope.dialect), input);
    const now = this.ctx.now().toISOString();
    const id = uuidv7();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const helperRef = { kind: input.helperKind, id: input.helperId };
      const targetRef = { kind: input.targetKind, id: target.id };
      if (await pairingsRepository.activeBetween(trx, helperRef, targetRef))
        throw conflict('pairing.duplicate');
      await pairingsRepository.insert(trx, {
        id,
        district_code: districtOf(target.regionCode),
        region_code: target.regionCode,
        helper_kind: input.helperKind,
        helper_id: input.helperId,
        helper_name: helper.name,
        target_kind: input.targetKind,
        target_id: target.id,
        target_name: target.name,
        goals: input.goals,
        plan: input.plan,
        next_contact_on: input.nextContactOn ?? null,
        status: 'active',
        started_on: input.startedOn,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'pairing.created',
        targetType: 'pairing',
        targetId: id,
        regionCode: target.regionCode,
        summary: { helperKind: input.helperKind, targetKind: input.targetKind },
      });
    });
    return id;
  }

  /** The pairing, active and in scope, for a record to be added to it. */
  private async activeInScope(trx: Executor, scope: Scope, id: string): Promise<PairingRow> {
    const pairing = await pairingsRepository.findInScope(trx, scope, id);
    if (!pairing) throw notFound('pairing.not_found');
    if (pairing.status !== 'active') throw conflict('pairing.ended');
    return pairing;
  }

  private checkDay(field: string, day: string, pairing: PairingRow): void {
    this.notLater(field, day);
    if (day < pairing.started_on) throw fieldError(field, 'pairing.before_start');
  }

  async recordContact(scope: Scope, id: string, input: z.output<typeof contactBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const pairing = await this.activeInScope(trx, scope, id);
      this.checkDay('contactedOn', input.contactedOn, pairing);
      await pairingsRepository.insertContact(trx, {
        ...this.entry(pairing, input.contactedOn, input.note, actor),
        method: input.method,
      });
      if (input.nextContactOn !== undefined)
        await pairingsRepository.update(trx, id, {
          next_contact_on: input.nextContactOn,
          updated_at: this.ctx.now().toISOString(),
        });
      await this.audit(trx, actor, pairing, 'pairing.contact_recorded', { method: input.method });
    });
  }

  async recordSupport(scope: Scope, id: string, input: z.output<typeof supportBody>, actor: AuditActor) {
    if (input.kind === 'money' && input.amountFen === 0)
      throw fieldError('amountFen', 'pairing.money_amount');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const pairing = await this.activeInScope(trx, scope, id);
      this.checkDay('givenOn', input.givenOn, pairing);
      await pairingsRepository.insertSupport(trx, {
        ...this.entry(pairing, input.givenOn, input.description, actor),
        kind: input.kind,
        amount_fen: input.amountFen,
      });
      await this.audit(trx, actor, pairing, 'pairing.support_recorded', {
        kind: input.kind,
        amountFen: input.amountFen,
      });
    });
  }

  async recordOutcome(scope: Scope, id: string, input: z.output<typeof outcomeBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const pairing = await this.activeInScope(trx, scope, id);
      this.checkDay('achievedOn', input.achievedOn, pairing);
      await pairingsRepository.insertOutcome(
        trx,
        this.entry(pairing, input.achievedOn, input.description, actor),
      );
      await this.audit(trx, actor, pairing, 'pairing.outcome_recorded', {});
    });
  }

  async end(scope: Scope, id: string, input: z.output<typeof endPairingBody>, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const pairing = await this.activeInScope(trx, scope, id);
      this.checkDay('endedOn', input.endedOn, pairing);
      await endPairing(
        this.ctx,
        trx,
        pairing,
        { reason: input.reason, note: input.note, on: input.endedOn },
        actor,
      );
    });
  }

  private entry(pairing: PairingRow, day: string, description: string, actor: AuditActor) {
    return {
      id: uuidv7(),
      district_code: pairing.district_code,
      pairing_id: pairing.id,
      on_day: day,
      description,
      recorded_by: actor.id,
      recorded_by_name: actor.name,
      created_at: this.ctx.now().toISOString(),
    };
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    pairing: PairingRow,
    action: 'pairing.contact_recorded' | 'pairing.support_recorded' | 'pairing.outcome_recorded',
    summary: Record<string, unknown>,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'pairing',
      targetId: pairing.id,
      regionCode: pairing.region_code,
      summary,
    });
  }

  list(
    scope: Scope,
    filter: {
      status?: PairingStatus | undefined;
      targetKind?: PairingTargetKind | undefined;
      region?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return pairingsRepository.list(this.ctx.database.db, within, filter);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const pairing = await pairingsRepository.findInScope(db, scope, id);
    if (!pairing) throw notFound('pairing.not_found');
    const [contacts, supports, outcomes] = await Promise.all([
      pairingsRepository.contacts(db, id),
      pairingsRepository.supports(db, id),
      pairingsRepository.outcomes(db, id),
    ]);
    return { pairing, contacts, supports, outcomes };
  }

  async totals(scope: Scope, region: string | undefined) {
    const within = region ? scope.filteredTo(region) : scope;
    const { byKind, supportFen } = await pairingsRepository.totals(this.ctx.database.db, within);
    const of = (kind: PairingTargetKind) => byKind.find((row) => row.target_kind === kind);
    return {
      regionCode: region ?? null,
      activePairings: byKind.reduce((sum, row) => sum + Number(row.pairings), 0),
      enterprises: Number(of('enterprise')?.targets ?? 0),
      regions: Number(of('region')?.targets ?? 0),
      households: Number(of('household')?.targets ?? 0),
      supportFen,
    };
  }
}

export type PairingDetailView = Awaited<ReturnType<PairingsService['detail']>>;

/** Ends one active pairing with its reason, in the caller's transaction (routes and the sweeper). */
export async function endPairing(
  ctx: ServiceContext,
  trx: Executor,
  pairing: Pick<PairingRow, 'id' | 'region_code'>,
  end: { reason: NonNullable<PairingRow['end_reason']>; note: string; on: string },
  actor: AuditActor,
): Promise<boolean> {
  const ended = await pairingsRepository.end(trx, pairing.id, {
    status: 'ended',
    ended_on: end.on,
    end_reason: end.reason,
    end_note: end.note,
    updated_at: ctx.now().toISOString(),
  });
  if (!ended) return false;
  await ctx.audit.append(trx, actor, {
    action: 'pairing.ended',
    targetType: 'pairing',
    targetId: pairing.id,
    regionCode: pairing.region_code,
    summary: { reason: end.reason, note: end.note },
  });
  return true;
}
