import { v7 as uuidv7 } from 'uuid';
import type { ChangeKind, NeedType, VisitMethod, VisitOutcome } from '../../../shared/api/visits.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { validateMobilePhone } from '../../../shared/validators/index.js';
import type { Principal } from '../../auth/principal.js';
import type { Executor } from '../../db/database.js';
import type { Household } from '../../db/tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { type Campaign, campaignsRepository } from './campaigns.repository.js';
import { changeRequestsRepository } from './change-requests.repository.js';
import { type Target, targetsRepository } from './targets.repository.js';
import { revisitSlotAfter, visitableHousehold } from './visit-access.js';
import { visitCounters } from './visit-counts.repository.js';
import { visitLookups } from './visit-lookups.repository.js';
import { type VisitView, visitsRepository } from './visits.repository.js';

export interface VisitInput {
  idempotencyKey: string;
  householdId: string;
  campaignId?: string | undefined;
  companionUserIds: string[];
  startedAt: string;
  endedAt: string;
  latitude?: number | undefined;
  longitude?: number | undefined;
  method: VisitMethod;
  outcome: VisitOutcome;
  notes: string;
  needs: { type: NeedType; description: string }[];
  changes: { kind: ChangeKind; personId: string; value: string; note: string }[];
}

/** A visit checked against the database and ready to write (or already stored: `existing`). */
interface Prepared {
  input: VisitInput;
  household: Household;
  /** The campaigns the visit counts for: the one named, or every active one targeting the household. */
  targets: { campaign: Campaign; target: Target }[];
  changes: {
    kind: ChangeKind;
    personId: string;
    regionCode: string;
    value: string;
    valueEnc: string | null;
    note: string;
  }[];
}

/** Clock skew a phone may have before its visit counts as "in the future". */
const SKEW_MS = 10 * 60_000;

/**
 * Recording visits: one, or "not home" at many doors at once. A visit counts toward its campaigns'
 * targets and coverage counters, the cockpit's, and queues the register changes seen, all in one
 * transaction. The client's idempotency key makes a resent draft answer the first visit.
 */
export class VisitRecording {
  constructor(private readonly ctx: ServiceContext) {}

  async record(principal: Principal, input: VisitInput): Promise<{ visit: VisitView; created: boolean }> {
    const { db } = this.ctx.database;
    const earlier = await this.sentBefore(db, principal, input);
    if (earlier) return { visit: earlier, created: false };
    const prepared = await this.prepare(db, principal, input, '');
    let id: string;
    try {
      id = await db.transaction().execute((trx) => this.write(trx, principal, prepared));
    } catch (error) {
      // The same draft sent twice at once: the other request stored it; answer that visit.
      if (!isUniqueViolation(error)) throw error;
      const stored = await this.sentBefore(db, principal, input);
      if (!stored) throw error;
      return { visit: stored, created: false };
    }
    return { visit: (await visitsRepository.viewUnscoped(db, id))!, created: true };
  }

  /** "Not home" at many households: all written in one transaction, or none. */
  async notHome(
    principal: Principal,
    input: {
      campaignId?: string | undefined;
      householdIds: string[];
      at: string;
      method: VisitMethod;
      idempotencyKeys: string[];
    },
  ): Promise<{ created: number; repeated: number }> {
    const { db } = this.ctx.database;
    const fresh: Prepared[] = [];
    let repeated = 0;
    for (const [i, householdId] of input.householdIds.entries()) {
      const visit: VisitInput = {
        idempotencyKey: input.idempotencyKeys[i]!,
        householdId,
        campaignId: input.campaignId,
        companionUserIds: [],
        startedAt: input.at,
        endedAt: input.at,
        method: input.method,
        outcome: 'not_home',
        notes: '',
        needs: [],
        changes: [],
      };
      if (await this.sentBefore(db, principal, visit)) repeated += 1;
      else fresh.push(await this.prepare(db, principal, visit, `householdIds.${i}`));
    }
    await db.transaction().execute(async (trx) => {
      for (const prepared of fresh) await this.write(trx, principal, prepared);
    });
    return { created: fresh.length, repeated };
  }

  /**
   * The visit this key already stored, when the same caller sent it for the same household; a key
   * reused for something else is a conflict (never another person's visit shown).
   */
  private async sentBefore(
    db: Executor,
    principal: Principal,
    input: VisitInput,
  ): Promise<VisitView | undefined> {
    const stored = await visitsRepository.byKeyUnscoped(db, input.idempotencyKey);
    if (!stored) return undefined;
    if (stored.recorded_by !== principal.userId || stored.household_id !== input.householdId)
      throw conflict('visit.key_reused');
    return visitsRepository.viewUnscoped(db, stored.id);
  }

  private async prepare(
    db: Executor,
    principal: Principal,
    input: VisitInput,
    householdPath: string,
  ): Promise<Prepared> {
    const household = await visitableHousehold(db, principal, input.householdId);
    if (!household) {
      // In a batch the household is one field among many; alone it is the record the route names.
      if (householdPath) throw fieldError(householdPath, 'visit.unknown_household');
      throw notFound('visit.unknown_household');
    }
    if (Date.parse(input.startedAt) > this.ctx.now().getTime() + SKEW_MS)
      throw fieldError('startedAt', 'visit.in_future');
    const day = beijingDate(new Date(input.startedAt));
    const targets: Prepared['targets'] = [];
    if (input.campaignId) {
      const campaign = await campaignsRepository.findUnscoped(db, input.campaignId);
      const target =
        campaign && (await targetsRepository.find(db, campaign.district_code, campaign.id, household.id));
      // Unscoped campaign read: it is only used when the household (checked above) is one of its targets.
      if (!campaign || !target) throw fieldError('campaignId', 'visit.household_not_in_campaign');
      if (campaign.status !== 'active') throw conflict('visit.campaign_closed');
      if (day < campaign.starts_on || day > campaign.ends_on)
        throw fieldError('startedAt', 'visit.outside_period', {
          startsOn: campaign.starts_on,
          endsOn: campaign.ends_on,
        });
      targets.push({ campaign, target });
    } else {
      for (const id of await campaignsRepository.activeCoveringIds(db, household.id)) {
        const campaign = (await campaignsRepository.findUnscoped(db, id))!;
        if (day < campaign.starts_on || day > campaign.ends_on) continue;
        targets.push({
          campaign,
          target: (await targetsRepository.find(db, campaign.district_code, id, household.id))!,
        });
      }
    }
    const companions = [...new Set(input.companionUserIds)];
    const names = await visitLookups.userNames(db, companions);
    if (names.size !== companions.length) throw fieldError('companionUserIds', 'visit.unknown_visitor');
    const changes: Prepared['changes'] = [];
    for (const [i, change] of input.changes.entries()) {
      const person = await visitLookups.personOfHousehold(db, household.id, change.personId);
      if (!person || person.status === 'anonymized')
        throw fieldError(`changes.${i}.personId`, 'visit.unknown_person');
      let value = '';
      let valueEnc: string | null = null;
      if (change.kind === 'new_phone') {
        const phone = validateMobilePhone(change.value);
        if (!phone.ok) throw fieldError(`changes.${i}.value`, 'field.phone');
        valueEnc = this.ctx.crypto.encrypt('person.phone', phone.value);
      } else if (change.kind === 'new_tag') {
        if (!(await visitLookups.tagCodeNamed(db, change.value)))
          throw fieldError(`changes.${i}.value`, 'visit.unknown_tag');
        value = change.value;
      }
      changes.push({
        kind: change.kind,
        personId: person.id,
        regionCode: person.region_code,
        value,
        valueEnc,
        note: change.note,
      });
    }
    return { input: { ...input, companionUserIds: companions }, household, targets, changes };
  }

  private async write(trx: Executor, principal: Principal, prepared: Prepared): Promise<string> {
    const { input, household } = prepared;
    const now = this.ctx.now().toISOString();
    const id = uuidv7();
    const revisitSlot = input.outcome === 'not_home' ? revisitSlotAfter(input.startedAt) : null;
    const firstAttempt = !(await visitsRepository.householdHad(trx, household.id, false));
    const firstMet =
      input.outcome === 'met' && !(await visitsRepository.householdHad(trx, household.id, true));
    await visitsRepository.insert(trx, {
      id,
      district_code: household.district_code,
      region_code: household.region_code,
      household_id: household.id,
      campaign_id: prepared.targets[0]?.campaign.id ?? null,
      recorded_by: principal.userId,
      companion_user_ids: JSON.stringify(input.companionUserIds),
      idempotency_key: input.idempotencyKey,
      started_at: input.startedAt,
      ended_at: input.endedAt,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      method: input.method,
      outcome: input.outcome,
      notes: input.notes,
      revisit_slot: revisitSlot,
      created_at: now,
    });
    for (const need of input.needs) {
      await visitsRepository.insertNeed(trx, {
        id: uuidv7(),
        district_code: household.district_code,
        region_code: household.region_code,
        visit_id: id,
        household_id: household.id,
        type: need.type,
        description: need.description,
        work_order_id: null,
        ordered_at: null,
        created_at: now,
      });
    }
    for (const change of prepared.changes) {
      await changeRequestsRepository.insert(trx, {
        id: uuidv7(),
        district_code: household.district_code,
        region_code: change.regionCode,
        visit_id: id,
        household_id: household.id,
        person_id: change.personId,
        kind: change.kind,
        value: change.value,
        value_enc: change.valueEnc,
        note: change.note,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        decision_note: '',
        created_at: now,
      });
    }
    const met = input.outcome === 'met';
    for (const { target } of prepared.targets) {
      // Read again inside the transaction: another visit to the household may have counted since.
      const current = (await targetsRepository.find(
        trx,
        target.district_code,
        target.campaign_id,
        target.household_id,
      ))!;
      await targetsRepository.recordProgress(trx, current, {
        met,
        at: input.startedAt,
        outcome: input.outcome,
        revisitSlot,
      });
      await targetsRepository.bumpCoverage(trx, current, {
        attempted: current.attempt_count === 0 ? 1 : 0,
        met: met && current.met_count === 0 ? 1 : 0,
        covered: met && current.met_count + 1 === current.target_visits ? 1 : 0,
      });
    }
    await visitCounters.bumpVisit(trx, {
      regionCode: household.region_code,
      startedAt: input.startedAt,
      needs: input.needs.length,
      firstAttempt,
      firstMet,
    });
    await this.ctx.audit.append(trx, principal.actor, {
      action: 'visit.recorded',
      targetType: 'visit',
      targetId: id,
      regionCode: household.region_code,
      summary: {
        householdId: household.id,
        outcome: input.outcome,
        method: input.method,
        campaigns: prepared.targets.map((t) => t.campaign.id),
        needs: input.needs.map((n) => n.type),
        changes: prepared.changes.map((c) => c.kind),
      },
    });
    return id;
  }
}
