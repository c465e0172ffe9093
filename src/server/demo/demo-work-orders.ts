import { v7 as uuidv7 } from 'uuid';
import { beijingDate } from '../../shared/beijing-time.js';
import { regionAt } from '../../shared/region-code.js';
import { type Channel, OPEN_STATUSES, type WorkOrderStatus } from '../../shared/work-orders.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Insertable } from '../db/row-types.js';
import type {
  ResidentAccountTable,
  ServiceCategory,
  WorkOrderEventTable,
  WorkOrderTable,
} from '../db/tables.js';
import { pick } from '../fixtures/resident-rows.js';
import type { WorkingCalendar } from '../modules/catalogue/index.js';
import { suggestedHandler } from '../modules/work-orders/index.js';
import type { DemoPerson } from './demo-population.js';
import { escalationOf, HOUR, lifecycle, type State } from './demo-work-order-lifecycle.js';
import { DESCRIPTIONS, HEATING, MIX, VOLUME } from './demo-work-order-texts.js';

const DAY = 24 * HOUR;
export const HISTORY_DAYS = 3 * 365;

export interface SatisfactionProfile {
  satisfied: number;
  basicallySatisfied: number;
}

export interface WorkOrderRows {
  orders: Insertable<WorkOrderTable>[];
  events: Insertable<WorkOrderEventTable>[];
  residents: Insertable<ResidentAccountTable>[];
}

/**
 * Three years of work orders written as the services would have left them: the order row in its
 * final state and one event per step (receive, accept or answer, dispatch, sign, return, extension,
 * overdue, urge, resolve, review, callback, reopen), with deadlines from the working calendar and
 * the category's SLA. Generated history carries no audit rows and no notifications: nobody acted
 * through the platform, and nobody should get text messages about the past.
 */
export class WorkOrderHistory {
  private readonly residentByPerson = new Map<string, string>();

  constructor(
    private readonly options: {
      districtCode: string;
      random: () => number;
      crypto: FieldCrypto;
      calendar: WorkingCalendar;
      categories: ReadonlyMap<string, ServiceCategory>;
      hotlines: { id: string; regionCode: string; name: string }[];
      now: Date;
      satisfaction: SatisfactionProfile;
      /** District and day (230108-20261126) → the last sequence number used that day in that district. */
      numbers: Map<string, number>;
      /** Phones that have a resident account already (unique), shared by the districts of one build. */
      residentPhones: Set<string>;
    },
  ) {}

  generate(
    people: DemoPerson[],
    count: number,
    residentOrders?: { personId: string; residentId: string },
  ): WorkOrderRows {
    const { random, now } = this.options;
    const rows: WorkOrderRows = { orders: [], events: [], residents: [] };
    if (people.length === 0) return rows;
    const nowMs = now.getTime();
    const start = nowMs - HISTORY_DAYS * DAY;
    // Days weighted by month volume and weekday (fewer on weekends): cumulative weights to sample from.
    const cumulative: number[] = [];
    let total = 0;
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const day = new Date(start + d * DAY);
      const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
      total += VOLUME[day.getUTCMonth()]! * (weekend ? 0.55 : 1);
      cumulative.push(total);
    }
    const reporters = people.filter((p) => now.getUTCFullYear() - p.birthYear >= 18);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const target = random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      // Beijing 08:00–20:00 mostly (UTC 00:00–12:00); the hotline also rings at night.
      const hour = random() < 0.9 ? random() * 12 : 12 + random() * 12;
      times.push(Math.min(nowMs - 10 * 60_000, start + lo * DAY + hour * HOUR));
    }
    times.sort((a, b) => a - b);
    for (const t0 of times) this.order(rows, pick(random, reporters), t0, nowMs);
    // Today's desk: a few recent orders held at every open step (and some closed, awaiting the callback).
    const backlog = Math.max(OPEN_STATUSES.length + 1, Math.round(count * 0.004));
    for (let i = 0; i < backlog; i++) {
      const stopAt = [...OPEN_STATUSES, 'closed' as const][i % (OPEN_STATUSES.length + 1)]!;
      // An order that had not got that far by now starts earlier (nothing else is kept of the try).
      for (let attempt = 0; attempt < 8; attempt++) {
        const mark = { events: rows.events.length, orders: rows.orders.length };
        const t0 = nowMs - (15 + random() * 36 * 60) * 60_000 * 2 ** attempt;
        if (this.order(rows, pick(random, reporters), t0, nowMs, undefined, stopAt) === stopAt) break;
        rows.events.length = mark.events;
        rows.orders.length = mark.orders;
      }
    }
    if (residentOrders) {
      // The demo resident's own requests from the portal: one answered long ago, one being handled, one new.
      const person = people.find((p) => p.id === residentOrders.personId);
      if (person)
        for (const ago of [40 * DAY, 2 * DAY, 2 * HOUR])
          this.order(rows, person, nowMs - ago, nowMs, residentOrders.residentId);
    }
    return rows;
  }

  private category(month: number): ServiceCategory {
    const { random, categories } = this.options;
    const weights = MIX.map((m) => m.weight * (m.season?.[month] ?? 1));
    let roll = random() * weights.reduce((a, b) => a + b, 0);
    for (const [index, entry] of MIX.entries()) {
      roll -= weights[index]!;
      if (roll < 0) return categories.get(entry.code)!;
    }
    return categories.get(MIX[0]!.code)!;
  }

  private residentFor(person: DemoPerson, rows: WorkOrderRows, at: number): string | null {
    if (!person.phone) return null;
    const known = this.residentByPerson.get(person.id);
    if (known) return known;
    if (this.options.residentPhones.has(person.phone)) return null;
    const id = uuidv7();
    this.options.residentPhones.add(person.phone);
    this.residentByPerson.set(person.id, id);
    rows.residents.push({
      id,
      district_code: this.options.districtCode,
      phone_enc: this.options.crypto.encrypt('person.phone', person.phone),
      phone_bidx: this.options.crypto.blindIndex('person.phone', person.phone),
      person_id: person.id,
      created_at: new Date(at).toISOString(),
      last_login_at: new Date(at).toISOString(),
    });
    return id;
  }

  private order(
    rows: WorkOrderRows,
    person: DemoPerson,
    t0: number,
    nowMs: number,
    residentId?: string,
    stopAt?: WorkOrderStatus,
  ): WorkOrderStatus {
    const { random, calendar, crypto, hotlines } = this.options;
    const month = new Date(t0 + 8 * HOUR).getUTCMonth();
    const category = this.category(month);
    const place = person.buildingCode;
    // Channel: the hotlines take most, the proxy stations their errands, grid workers bring visits.
    let channel: Channel;
    const roll = random();
    if (residentId) channel = 'portal';
    else if (category.proxy === 1) channel = roll < 0.65 ? 'walk_in' : roll < 0.9 ? 'hotline' : 'portal';
    else channel = roll < 0.6 ? 'hotline' : roll < 0.75 ? 'visit' : roll < 0.87 ? 'portal' : 'walk_in';
    // Held orders may be tried again (see `generate`): they take no new resident account.
    const resident =
      channel === 'portal' ? (residentId ?? (stopAt ? null : this.residentFor(person, rows, t0))) : null;
    if (channel === 'portal' && !resident) channel = 'hotline';
    let handler = suggestedHandler(place, category.handler_kind);
    let hotlineId: string | null = null;
    if (channel === 'hotline') {
      const line =
        hotlines.find((h) => h.regionCode === regionAt(place, 'community')) ??
        hotlines.find((h) => h.regionCode === regionAt(place, 'street')) ??
        hotlines[0];
      if (line && place.startsWith(line.regionCode)) {
        hotlineId = line.id;
        handler = line.regionCode;
      }
    }
    const urgent = category.resolve_days === 0;
    const id = uuidv7();
    const day = beijingDate(new Date(t0)).replaceAll('-', '');
    const districtDay = `${this.options.districtCode}-${day}`;
    const sequence = (this.options.numbers.get(districtDay) ?? 0) + 1;
    this.options.numbers.set(districtDay, sequence);
    const number = `${districtDay}-${String(sequence).padStart(4, '0')}`;
    const texts = DESCRIPTIONS[category.code] ?? { any: [category.name] };
    const seasonal = HEATING[month] ? texts.winter : month >= 5 && month <= 8 ? texts.summer : undefined;
    const description = seasonal && random() < 0.6 ? pick(random, seasonal) : pick(random, texts.any);
    const s: State = {
      status: 'received',
      handler,
      dispatcher: null,
      dueAt: calendar.resolveDeadline(new Date(t0), urgent ? 0 : category.resolve_days).getTime(),
      signDueAt: null,
      signedAt: null,
      resolvedAt: null,
      closedAt: null,
      closedOnTime: null,
      callbackDueAt: null,
      archivedAt: null,
      overdue: false,
      escalatedTo: null,
      urges: 0,
      supervised: false,
      reopens: 0,
      satisfaction: null,
      resolution: '',
      returnFrom: null,
      updatedAt: t0,
      version: 1,
    };
    const event = (
      action: string,
      to: WorkOrderStatus,
      at: number,
      actor: string,
      note = '',
      data: Record<string, unknown> = {},
    ): boolean => {
      if (at > nowMs || (stopAt !== undefined && s.status === stopAt && action !== 'receive')) return false;
      // The sweeper marks an open order overdue once, when its deadline passes.
      if (
        !s.overdue &&
        s.dueAt < at &&
        s.status !== 'closed' &&
        s.status !== 'archived' &&
        action !== 'receive'
      )
        this.markOverdue(rows, id, s, s.dueAt + 5 * 60_000);
      rows.events.push({
        id: uuidv7(),
        district_code: this.options.districtCode,
        work_order_id: id,
        action,
        from_status: action === 'receive' ? null : s.status,
        to_status: to,
        actor_id: null,
        actor_name: actor,
        note,
        data: JSON.stringify(data),
        at: new Date(at).toISOString(),
      });
      s.status = to;
      s.updatedAt = at;
      if (action !== 'comment') s.version += action === 'receive' ? 0 : 1;
      return true;
    };
    const intakeActor =
      channel === 'hotline'
        ? '热线受理员'
        : channel === 'walk_in'
          ? '代办站工作人员'
          : channel === 'visit'
            ? '网格员'
            : person.name;
    event('receive', 'received', t0, intakeActor, '', { channel, categoryCode: category.code, handler });
    if (stopAt !== 'received') lifecycle(this.options, s, event, category, place, t0, urgent, stopAt);
    if (!s.overdue && s.dueAt < nowMs && s.status !== 'closed' && s.status !== 'archived')
      this.markOverdue(rows, id, s, Math.max(s.updatedAt, s.dueAt) + 5 * 60_000);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    rows.orders.push({
      id,
      district_code: this.options.districtCode,
      number,
      region_code: place,
      household_id: person.householdId,
      person_id: person.id,
      category_code: category.code,
      description,
      attributes: '{}',
      address: '',
      latitude: null,
      longitude: null,
      channel,
      hotline_id: hotlineId,
      intake_user_id: null,
      resident_id: resident,
      open311_key_id: null,
      contact_name: person.name,
      contact_phone_enc: person.phone ? crypto.encrypt('person.phone', person.phone) : null,
      contact_phone_bidx: person.phone ? crypto.blindIndex('person.phone', person.phone) : null,
      status: s.status,
      return_from_status: s.returnFrom,
      pending_extension: null,
      urgent: urgent ? 1 : 0,
      handler_region_code: s.handler,
      dispatcher_region_code: s.dispatcher,
      assignee_user_id: null,
      assignee_member_id: null,
      sign_due_at: iso(s.signDueAt),
      due_at: iso(s.dueAt)!,
      callback_due_at: iso(s.callbackDueAt),
      overdue: s.overdue ? 1 : 0,
      escalated_region_code: s.escalatedTo,
      urge_count: s.urges,
      supervised: s.supervised ? 1 : 0,
      reopen_count: s.reopens,
      satisfaction: s.satisfaction,
      resolution: s.resolution,
      signed_at: iso(s.signedAt),
      resolved_at: iso(s.resolvedAt),
      closed_at: iso(s.closedAt),
      closed_on_time: s.closedOnTime,
      archived_at: iso(s.archivedAt),
      version: s.version,
      created_at: new Date(t0).toISOString(),
      updated_at: new Date(s.updatedAt).toISOString(),
    });
    return s.status;
  }

  private markOverdue(rows: WorkOrderRows, orderId: string, s: State, at: number): void {
    const escalatedTo = escalationOf(s.handler);
    s.overdue = true;
    s.escalatedTo = escalatedTo;
    s.version += 1;
    rows.events.push({
      id: uuidv7(),
      district_code: this.options.districtCode,
      work_order_id: orderId,
      action: 'overdue',
      from_status: s.status,
      to_status: s.status,
      actor_id: null,
      actor_name: 'system',
      note: '',
      data: JSON.stringify({ dueAt: new Date(s.dueAt).toISOString(), escalatedTo }),
      at: new Date(at).toISOString(),
    });
  }
}
