import { v7 as uuidv7 } from 'uuid';
import { districtOf, levelOf, parentOf, REGION_LEVELS, regionAt } from '../../shared/region-code.js';
import {
  type Channel,
  OPEN_STATUSES,
  type Satisfaction,
  type WorkOrderStatus,
} from '../../shared/work-orders.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Insertable } from '../db/row-types.js';
import type {
  ResidentAccountTable,
  ServiceCategory,
  WorkOrderEventTable,
  WorkOrderTable,
} from '../db/tables.js';
import { pick } from '../fixtures/resident-rows.js';
import { beijingDate, type WorkingCalendar } from '../modules/catalogue/index.js';
import { suggestedHandler } from '../modules/work-orders/index.js';
import type { DemoPerson } from './demo-population.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const HISTORY_DAYS = 3 * 365;

/**
 * Category mix by month (index 0 = January): heating complaints and repairs in Harbin's heating
 * season (October 20 to April 20), garbage and corridor clutter in summer, job seeking after the
 * Spring Festival, social-security errands at the turn of the year, street lights in the long nights.
 */
const MIX: { code: string; weight: number; season?: readonly number[] }[] = [
  {
    code: 'livelihood.repair',
    weight: 16,
    season: [1.8, 1.6, 1.3, 1.0, 0.7, 0.8, 1.0, 1.0, 0.8, 1.3, 1.9, 2.0],
  },
  { code: 'livelihood.elderly_care', weight: 9, season: [1.3, 1.3, 1, 1, 1, 1, 1.1, 1.1, 1, 1, 1.2, 1.3] },
  { code: 'livelihood.hardship', weight: 5, season: [1.6, 1.5, 1, 1, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.6] },
  { code: 'livelihood.urgent', weight: 2 },
  {
    code: 'environment.corridor',
    weight: 8,
    season: [0.7, 0.7, 1, 1.3, 1.3, 1.2, 1.1, 1.1, 1.1, 1, 0.8, 0.7],
  },
  {
    code: 'environment.garbage',
    weight: 9,
    season: [0.6, 0.7, 0.9, 1.1, 1.3, 1.5, 1.6, 1.6, 1.2, 1, 0.8, 0.7],
  },
  {
    code: 'environment.lighting',
    weight: 5,
    season: [1.5, 1.3, 1, 0.8, 0.7, 0.6, 0.6, 0.7, 0.9, 1.2, 1.5, 1.6],
  },
  {
    code: 'employment.job_seeking',
    weight: 5,
    season: [0.8, 1.6, 1.9, 1.3, 1, 0.9, 1.1, 0.9, 0.9, 0.8, 0.7, 0.6],
  },
  {
    code: 'employment.training',
    weight: 3,
    season: [0.6, 1.2, 1.5, 1.3, 1.1, 0.9, 0.8, 0.8, 1.2, 1.1, 0.8, 0.6],
  },
  { code: 'policy.general', weight: 12 },
  {
    code: 'complaint.service',
    weight: 6,
    season: [1.9, 1.6, 1.2, 0.8, 0.6, 0.6, 0.7, 0.7, 0.7, 1.2, 1.9, 2.0],
  },
  { code: 'suggestion.general', weight: 4 },
  { code: 'proxy.documents', weight: 5 },
  {
    code: 'proxy.social_security',
    weight: 7,
    season: [1.8, 1.2, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.9],
  },
  { code: 'proxy.land_acquisition', weight: 2 },
];

/** Orders per month relative to the year's average: winter is busy, the Spring Festival is quiet. */
const VOLUME = [1.2, 0.9, 1.05, 1.0, 0.95, 0.95, 1.0, 1.0, 0.95, 1.0, 1.1, 1.25];
const HEATING = [true, true, true, true, false, false, false, false, false, true, true, true];

const DESCRIPTIONS: Record<string, { any: string[]; winter?: string[]; summer?: string[] }> = {
  'livelihood.repair': {
    any: ['卫生间下水管道堵塞，需要维修', '单元门门禁损坏', '厨房水管滴漏'],
    winter: ['暖气不热，室温只有十四度', '暖气片漏水，楼下反映渗水', '供暖管道阀门损坏'],
    summer: ['顶楼屋面漏雨', '外墙渗水'],
  },
  'livelihood.elderly_care': {
    any: ['独居老人行动不便，需要送餐', '老人需要陪同去医院复查', '高龄老人家中需要打扫'],
  },
  'livelihood.hardship': { any: ['家庭生活困难，咨询临时救助', '患重病后生活困难，申请帮扶'] },
  'livelihood.urgent': { any: ['老人在家摔倒，家属不在身边', '楼道有燃气味', '家中停电，老人使用制氧机'] },
  'environment.corridor': { any: ['楼道内堆放杂物，影响通行', '楼道内停放电动车充电', '楼梯间堆放废旧家具'] },
  'environment.garbage': {
    any: ['小区垃圾清运不及时', '垃圾桶满溢'],
    summer: ['垃圾站异味严重，蚊蝇多', '小区绿地建筑垃圾未清运'],
  },
  'environment.lighting': { any: ['小区路灯不亮', '单元门口照明损坏', '道路照明时亮时灭'] },
  'employment.job_seeking': {
    any: ['登记求职，希望找保安或保洁工作', '大学毕业生登记求职', '失业人员求职登记'],
  },
  'employment.training': { any: ['咨询创业培训报名', '想参加电焊技能培训', '咨询汽车修理培训班'] },
  'policy.general': {
    any: ['咨询高龄补贴申领条件', '咨询低保申请流程', '咨询居住证办理', '咨询医保报销政策'],
  },
  'complaint.service': {
    any: ['投诉物业服务不到位', '投诉窗口工作人员态度差'],
    winter: ['投诉供暖温度不达标', '投诉供热公司报修后无人处理'],
  },
  'suggestion.general': { any: ['建议小区增设健身器材', '建议增加公交线路', '建议小区增设充电桩'] },
  'proxy.documents': { any: ['代办身份证换领', '代办户口簿补办', '代办残疾人证年审'] },
  'proxy.social_security': { any: ['代办城乡居民医保缴费', '代办养老保险资格认证', '代办社保卡补办'] },
  'proxy.land_acquisition': { any: ['咨询回迁房交付时间', '咨询征地补偿款发放', '咨询合作社分红'] },
};

const RESOLUTIONS = [
  '已上门处理完毕',
  '已协调相关单位解决',
  '已答复居民并办结',
  '已安排人员处理，居民认可',
  '已代办完成',
];

export interface SatisfactionProfile {
  satisfied: number;
  basicallySatisfied: number;
}

export interface WorkOrderRows {
  orders: Insertable<WorkOrderTable>[];
  events: Insertable<WorkOrderEventTable>[];
  residents: Insertable<ResidentAccountTable>[];
}

interface State {
  status: WorkOrderStatus;
  handler: string;
  dispatcher: string | null;
  dueAt: number;
  signDueAt: number | null;
  signedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  closedOnTime: number | null;
  callbackDueAt: number | null;
  archivedAt: number | null;
  overdue: boolean;
  escalatedTo: string | null;
  urges: number;
  supervised: boolean;
  reopens: number;
  satisfaction: Satisfaction | null;
  resolution: string;
  returnFrom: WorkOrderStatus | null;
  updatedAt: number;
  version: number;
}

/** Where an overdue order escalates: the unit above its holder (a district stays the district). */
const escalationOf = (code: string) => parentOf(code) ?? districtOf(code);
/** The unit one level below the holder on the way to the place: street, community, at most grid. */
const below = (handler: string, place: string) => {
  const next = REGION_LEVELS.indexOf(levelOf(handler) ?? 'community') + 1;
  return regionAt(place, REGION_LEVELS[Math.min(next, REGION_LEVELS.indexOf('grid'))]!);
};

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
      /** Day → the last sequence number used, shared by every district of one build (numbers are unique). */
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
    const sequence = (this.options.numbers.get(day) ?? 0) + 1;
    this.options.numbers.set(day, sequence);
    const number = `${day}-${String(sequence).padStart(4, '0')}`;
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
    if (stopAt !== 'received') this.lifecycle(s, event, category, place, t0, urgent, stopAt);
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

  /** The steps after intake, each at a plausible time; `event` refuses steps that lie in the future. */
  private lifecycle(
    s: State,
    event: (
      action: string,
      to: WorkOrderStatus,
      at: number,
      actor: string,
      note?: string,
      data?: Record<string, unknown>,
    ) => boolean,
    category: ServiceCategory,
    place: string,
    t0: number,
    urgent: boolean,
    stopAt?: WorkOrderStatus,
  ): void {
    // An order held at a step for today's desk takes the ordinary path to it.
    const held = stopAt !== undefined;
    const forceReturn = stopAt === 'return_requested';
    const { random, calendar, satisfaction } = this.options;
    const minutes = (from: number, to: number) => (from + random() * (to - from)) * 60_000;
    let t = t0;
    const close = (at: number) => {
      s.closedAt = at;
      s.closedOnTime = at <= s.dueAt ? 1 : 0;
      s.callbackDueAt = calendar.callbackDeadline(new Date(at)).getTime();
    };
    const callback = (): boolean => {
      const at = (s.closedAt ?? t) + minutes(60, 20 * 60);
      const roll = random();
      const value: Satisfaction =
        s.reopens > 0 || roll < satisfaction.satisfied
          ? 'satisfied'
          : roll < satisfaction.satisfied + satisfaction.basicallySatisfied
            ? 'basically_satisfied'
            : 'unsatisfied';
      if (value !== 'unsatisfied') {
        if (!event('callback', 'archived', at, '回访员', '', { satisfaction: value })) return false;
        s.satisfaction = value;
        s.archivedAt = at;
        return true;
      }
      const due = calendar.resolveDeadline(new Date(at), urgent ? 0 : category.resolve_days).getTime();
      if (
        !event('callback', 'in_progress', at, '回访员', '居民对处理结果不满意，要求重新办理', {
          satisfaction: value,
          dueAt: new Date(due).toISOString(),
        })
      )
        return false;
      s.satisfaction = 'unsatisfied';
      s.reopens += 1;
      s.closedAt = null;
      s.closedOnTime = null;
      s.resolvedAt = null;
      s.callbackDueAt = null;
      s.dueAt = due;
      s.overdue = false;
      t = at;
      return true;
    };

    // Answered on the spot: most policy questions, a few others.
    const onSpot = category.code === 'policy.general' ? 0.5 : category.proxy ? 0.04 : 0.03;
    if (random() < onSpot && !held) {
      t += minutes(3, 25);
      s.resolution = '已当场答复';
      if (!event('answer', 'closed', t, '受理员', s.resolution)) return;
      close(t);
      callback();
      return;
    }
    t += minutes(2, 40);
    if (!event('accept', 'pending_dispatch', t, '受理员')) return;
    const dispatch = (): boolean => {
      t += minutes(5, urgent ? 20 : 120);
      const target = below(s.handler, place);
      const signDue = calendar.addWorkingHours(new Date(t), category.sign_hours).getTime();
      if (!event('dispatch', 'dispatched', t, '派单员', '', { targetRegionCode: target })) return false;
      s.dispatcher = s.handler;
      s.handler = target;
      s.signDueAt = signDue;
      s.signedAt = null;
      t +=
        random() < 0.93
          ? minutes(5, category.sign_hours * 50)
          : minutes(category.sign_hours * 60, category.sign_hours * 180);
      if (!event('sign', 'in_progress', t, '网格员')) return false;
      s.signedAt = t;
      return true;
    };
    if (!dispatch()) return;

    // A return request now and then: approved (dispatched again) or rejected.
    if ((!held && random() < 0.03) || forceReturn) {
      t += minutes(30, 240);
      if (!event('return', 'return_requested', t, '网格员', '不属于本网格职责范围')) return;
      s.returnFrom = 'in_progress';
      t += minutes(30, 300);
      if (random() < 0.5) {
        if (!event('reject_return', 'in_progress', t, '派单员', '属于本网格职责，请继续办理')) return;
        s.returnFrom = null;
      } else {
        if (!event('approve_return', 'pending_dispatch', t, '派单员')) return;
        s.returnFrom = null;
        s.handler = s.dispatcher ?? s.handler;
        s.dispatcher = null;
        s.signDueAt = null;
        s.signedAt = null;
        if (!dispatch()) return;
      }
    }

    for (;;) {
      // Mostly on time: resolved within the deadline; some late (marked overdue, urged, supervised).
      const late = random() < 0.05;
      if (!late && category.resolve_days >= 3 && random() < 0.04) {
        t += minutes(60, 600);
        if (!event('extend', 'in_progress', t, '网格员', '需协调产权单位，申请延期', { days: 5 })) return;
        t += minutes(30, 300);
        const from = s.dueAt;
        s.dueAt = calendar.resolveDeadline(new Date(s.dueAt - 1), 5).getTime();
        if (
          !event('approve_extension', 'in_progress', t, '派单员', '', {
            days: 5,
            from: new Date(from).toISOString(),
            to: new Date(s.dueAt).toISOString(),
          })
        )
          return;
        if (s.dueAt > t) s.overdue = false;
      }
      const window = Math.max(HOUR, s.dueAt - t);
      const resolveAt = late ? s.dueAt + minutes(60, 5 * 24 * 60) : t + window * (0.15 + random() * 0.8);
      if (late && random() < 0.6) {
        const urgeAt = s.dueAt + minutes(30, Math.max(31, (resolveAt - s.dueAt) / 60_000));
        if (urgeAt < resolveAt && event('urge', s.status, urgeAt, '督办员', '请尽快办理')) s.urges += 1;
        if (
          random() < 0.3 &&
          urgeAt + HOUR < resolveAt &&
          event('supervise', s.status, urgeAt + HOUR, '督办员')
        )
          s.supervised = true;
      }
      t = resolveAt;
      const resolution = pick(random, RESOLUTIONS);
      if (!event('resolve', 'pending_review', t, '网格员', resolution)) return;
      s.resolution = resolution;
      s.resolvedAt = t;
      t += minutes(20, 16 * 60);
      if (random() < 0.02) {
        if (!event('review', 'in_progress', t, '审核员', '处理情况不清楚，请补充', { approve: false }))
          return;
        s.resolvedAt = null;
        continue;
      }
      if (!event('review', 'closed', t, '审核员', '', { approve: true })) return;
      close(t);
      if (!callback()) return;
      if (s.status === 'archived') return;
    }
  }
}
