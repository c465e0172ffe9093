import { v7 as uuidv7 } from 'uuid';
import { beijingDate, formatBeijing } from '../../../../shared/beijing-time.js';
import { districtOf, isWithin, regionAt } from '../../../../shared/region-code.js';
import { CHANNEL_LABELS, type Channel } from '../../../../shared/work-orders.js';
import type { Principal } from '../../../auth/principal.js';
import type { Scope } from '../../../auth/scope.js';
import type { Executor } from '../../../db/database.js';
import type { ServiceCategory, WorkOrder } from '../../../db/tables.js';
import { isUniqueViolation } from '../../../db/unique-violation.js';
import { fieldError } from '../../../http/errors.js';
import type { ServiceContext } from '../../../services.js';
import type { AuditActor } from '../../audit/index.js';
import type { CatalogueCache, CatalogueSnapshot } from '../../catalogue/index.js';
import { attributesOf, catalogueRepository, checkAttributes } from '../../catalogue/index.js';
import { enqueueNotification } from '../../notifications/index.js';
import { regionsRepository } from '../../regions/index.js';
import { registerRepository } from '../../register/index.js';
import { handlerRecipients } from '../work-order-people.repository.js';
import { WorkOrderStep } from '../work-order-steps.js';
import { type WorkOrderView, workOrdersRepository } from '../work-orders.repository.js';

export interface IntakeInput {
  categoryCode: string;
  description: string;
  channel: Channel;
  regionCode?: string | undefined;
  householdId?: string | undefined;
  personId?: string | undefined;
  hotlineId?: string | undefined;
  contactName?: string | undefined;
  /** Already normalized by the schema (a mobile or landline number). */
  contactPhone?: string | undefined;
  attributes?: Record<string, unknown> | undefined;
  urgent?: boolean | undefined;
  address?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
  /**
   * What Open311 may publish as the description, already screened for personal data by the
   * channel that took the request in (the resident or client asked for it); none when absent.
   */
  publicDescription?: string | undefined;
}

/**
 * Who takes the order in: a staff principal (in their `workorder.intake` scope), a signed-in
 * resident, an Open311 client, or a system job (a loan's arrears turning worse asks for a visit)
 * with the named system scope of its district. Only staff are principals.
 */
export type Intake =
  | { kind: 'staff'; principal: Principal }
  | { kind: 'system'; scope: Scope; actor: AuditActor }
  | { kind: 'resident'; residentId: string; actor: AuditActor }
  | { kind: 'open311'; keyId: string; regionCode: string; actor: AuditActor };

const actorOf = (intake: Intake): AuditActor =>
  intake.kind === 'staff' ? intake.principal.actor : intake.actor;

/** The unit that handles a category at a place: its community, street or the district. */
export function suggestedHandler(placeCode: string, handlerKind: ServiceCategory['handler_kind']): string {
  return regionAt(placeCode, handlerKind);
}

const MAX_NUMBER_ATTEMPTS = 5;

/**
 * Intake (受理): a request from any channel becomes an order with its place, category, deadline
 * and first holder, an event, an audit row, and an SMS to the resident that it was accepted.
 */
export class WorkOrderIntake {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly catalogue: CatalogueCache,
  ) {}

  /**
   * The leaf category, active in the order's district (a shared one it has not switched off, or
   * its own); anything else — another district's own category included — is a field error on
   * categoryCode, the same as an unknown code.
   */
  leafCategory(catalogue: CatalogueSnapshot, code: string, district: string): ServiceCategory {
    const available = catalogue.categoriesOf(district);
    const category = available.find((candidate) => candidate.code === code);
    if (category?.active !== 1) throw fieldError('categoryCode', 'workorder.unknown_category');
    if (available.some((other) => other.parent_code === category.code))
      throw fieldError('categoryCode', 'workorder.category_not_leaf', { name: category.name });
    return category;
  }

  /** The place: a household or person pins it exactly; a region code alone names a region. */
  private async place(db: Executor, intake: Intake, input: IntakeInput) {
    // Residents and Open311 clients name a place, not a record of the register; a system job names
    // the household it is about, inside its district's scope.
    const placeScope =
      intake.kind === 'staff'
        ? intake.principal.scopeFor('workorder.intake')
        : intake.kind === 'system'
          ? intake.scope
          : undefined;
    let householdId: string | null = null;
    let personId: string | null = null;
    let regionCode = input.regionCode;
    if (input.personId) {
      const person = placeScope
        ? await registerRepository.findPerson(db, placeScope, input.personId)
        : undefined;
      if (!person) throw fieldError('personId', 'workorder.unknown_person');
      personId = person.id;
      householdId = person.household_id;
      regionCode = person.region_code;
    }
    if (input.householdId) {
      const household = placeScope
        ? await registerRepository.findHousehold(db, placeScope, input.householdId)
        : undefined;
      if (!household || (householdId && household.id !== householdId))
        throw fieldError('householdId', 'workorder.unknown_household');
      householdId = household.id;
      regionCode = household.region_code;
    }
    if (!regionCode) throw fieldError('regionCode', 'field.required');
    if (input.regionCode && !regionCode.startsWith(input.regionCode))
      throw fieldError('regionCode', 'workorder.place_mismatch');
    const region = await regionsRepository.findUnscoped(db, regionCode);
    const allowed = placeScope
      ? placeScope.includes(regionCode)
      : intake.kind === 'open311'
        ? regionCode.startsWith(intake.regionCode)
        : regionCode.startsWith(this.ctx.config.districtCode);
    if (!region || !allowed) throw fieldError('regionCode', 'workorder.unknown_region');
    return { regionCode, regionName: region.name, householdId, personId };
  }

  async create(intake: Intake, input: IntakeInput): Promise<WorkOrderView> {
    // The order as written is the answer: reading it back would cost a statement and tell nothing new.
    return this.within(intake, (_trx, take) => take(input));
  }

  /**
   * Intake as one part of a larger change in one transaction (a need found on a visit becomes an
   * order and is linked to it, or neither happens): `work` gets the transaction and a function that
   * takes an order in inside it. The whole transaction is retried when the number was taken already.
   */
  async within<T>(
    intake: Intake,
    work: (trx: Executor, take: (input: IntakeInput) => Promise<WorkOrderView>) => Promise<T>,
  ): Promise<T> {
    // Before the transaction: on SQLite a catalogue refresh inside it would wait for itself.
    const catalogue = await this.catalogue.snapshot();
    const { db } = this.ctx.database;
    for (let attempt = 1; ; attempt += 1) {
      let numbered: { district: string; day: string } | undefined;
      try {
        return await db.transaction().execute((trx) =>
          work(trx, (input) =>
            this.insert(trx, intake, input, catalogue, (at) => {
              numbered = at;
            }),
          ),
        );
      } catch (error) {
        // The number was taken already: orders were written around the district's day counter (a
        // bulk load). Bring the counter up to them and try again.
        if (!isUniqueViolation(error) || !numbered || attempt >= MAX_NUMBER_ATTEMPTS) throw error;
        await workOrdersRepository.syncNumbers(db, numbered);
      }
    }
  }

  /**
   * The order's number: district, Beijing day and the district's count of the day
   * (230108-20261126-0042). Taken outside the transaction where the database allows it (see
   * workOrdersRepository.nextNumber), so intakes of one district never wait on each other for it.
   */
  private async numberFor(trx: Executor, district: string, now: Date): Promise<string> {
    const day = beijingDate(now).replaceAll('-', '');
    const sequence = await workOrdersRepository.nextNumber(
      this.ctx.database.autonomous ?? trx,
      district,
      day,
    );
    return `${district}-${day}-${String(sequence).padStart(4, '0')}`;
  }

  private async insert(
    trx: Executor,
    intake: Intake,
    input: IntakeInput,
    catalogue: CatalogueSnapshot,
    numbered: (at: { district: string; day: string }) => void,
  ): Promise<WorkOrderView> {
    const now = this.ctx.now();
    const nowIso = now.toISOString();
    const place = await this.place(trx, intake, input);
    // The category and the calendar are those of the district the order's place lies in.
    const districtCode = districtOf(place.regionCode);
    const category = this.leafCategory(catalogue, input.categoryCode, districtCode);
    const attributes = checkAttributes(attributesOf(category), input.attributes ?? {});
    const calendar = catalogue.calendarOf(districtCode);
    let handler = suggestedHandler(place.regionCode, category.handler_kind);
    let hotlineId: string | null = null;
    if (input.hotlineId) {
      const hotline = await catalogueRepository.hotline(trx, input.hotlineId);
      // A hotline of another district does not exist for this order: its district's staff would
      // own the order's first step, and its reports would count a call it never took.
      if (hotline?.active !== 1 || hotline.district_code !== districtCode) {
        throw fieldError('hotlineId', 'workorder.unknown_hotline');
      }
      hotlineId = hotline.id;
      handler = hotline.region_code;
    } else if (intake.kind === 'open311') {
      handler = intake.regionCode;
    }
    // The first holder must lie above the place, or nobody could dispatch down to it.
    if (!isWithin(place.regionCode, handler)) handler = districtCode;
    const urgent = input.urgent === true || category.resolve_days === 0;
    const number = await this.numberFor(trx, districtCode, now);
    numbered({ district: districtCode, day: number.slice(7, 15) });
    const id = uuidv7();
    const phone = input.contactPhone;
    const order: WorkOrder = {
      id,
      district_code: districtCode,
      number,
      region_code: place.regionCode,
      household_id: place.householdId,
      person_id: place.personId,
      category_code: category.code,
      description: input.description,
      attributes: JSON.stringify(attributes),
      address: input.address ?? '',
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      channel: input.channel,
      hotline_id: hotlineId,
      intake_user_id: intake.kind === 'staff' ? intake.principal.userId : null,
      resident_id: intake.kind === 'resident' ? intake.residentId : null,
      open311_key_id: intake.kind === 'open311' ? intake.keyId : null,
      contact_name: input.contactName ?? '',
      contact_phone_enc: phone ? this.ctx.crypto.encrypt('person.phone', phone) : null,
      contact_phone_bidx: phone ? this.ctx.crypto.blindIndex('person.phone', phone) : null,
      status: 'received',
      return_from_status: null,
      pending_extension: null,
      urgent: urgent ? 1 : 0,
      handler_region_code: handler,
      dispatcher_region_code: null,
      assignee_user_id: null,
      assignee_member_id: null,
      sign_due_at: null,
      due_at: calendar.resolveDeadline(now, urgent ? 0 : category.resolve_days).toISOString(),
      callback_due_at: null,
      overdue: 0,
      escalated_region_code: null,
      urge_count: 0,
      supervised: 0,
      reopen_count: 0,
      satisfaction: null,
      resolution: '',
      public_description: input.publicDescription ?? null,
      signed_at: null,
      resolved_at: null,
      closed_at: null,
      closed_on_time: null,
      archived_at: null,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    };
    await workOrdersRepository.insert(trx, order);
    await WorkOrderStep.writeEventAuditAndCounters(this.ctx, trx, order, {
      action: 'receive',
      from: null,
      to: 'received',
      actor: actorOf(intake),
      data: { channel: input.channel, categoryCode: category.code, handler },
    });
    if (phone) {
      await enqueueNotification(this.ctx, trx, {
        districtCode,
        recipient: { phone },
        template: 'order_accepted',
        params: { number, due: formatBeijing(order.due_at) },
        workOrderId: id,
      });
    }
    // An order a resident or an Open311 client sent lands in a unit's queue with nobody at a
    // console to pass it on: the unit's staff hear of it as they do of a dispatch.
    if (intake.kind !== 'staff') {
      for (const userId of await handlerRecipients(trx, handler)) {
        await enqueueNotification(this.ctx, trx, {
          districtCode,
          recipient: { userId },
          template: 'order_arrived',
          params: {
            number,
            category: category.name,
            channel: CHANNEL_LABELS[input.channel].zh,
            due: formatBeijing(order.due_at),
          },
          workOrderId: id,
        });
      }
    }
    return { ...order, category_name: category.name, region_name: place.regionName };
  }
}
