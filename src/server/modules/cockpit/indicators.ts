import type { Executor } from '../../db/database.js';
import { STUDY_INDICATORS, studyCounterSources } from '../bulletins/index.js';
import { FUND_INDICATORS, fundCounterSources } from '../funds/index.js';
import { JOBS_INDICATORS, jobSeekerCounterSources, jobsCounterSources } from '../jobs/index.js';
import { LOAN_INDICATORS, loanCounterSources } from '../loans/index.js';
import { MEETING_INDICATORS, meetingCounterSources } from '../meetings/index.js';
import { PAIRING_INDICATORS, pairingCounterSources } from '../pairings/index.js';
import { RELOCATION_INDICATORS, relocationCounterSources } from '../relocation/index.js';
import { REVIEW_INDICATORS, reviewCounterSources } from '../reviews/index.js';
import { SURVEY_INDICATORS, surveyCounterSources } from '../surveys/index.js';
import { TIMEBANK_INDICATORS, timebankCounterSources } from '../timebank/index.js';
import { TRAINING_INDICATORS, trainingCounterSources } from '../training/index.js';
import { visitCounters } from '../visits/index.js';
import { VOLUNTEERING_INDICATORS, volunteeringCounterSources } from '../volunteering/index.js';
import { cockpitCounts } from './cockpit-counts.repository.js';
import { count, percent } from './indicator-values.js';
import { VISIT_INDICATORS } from './indicators-visits.js';
import { WORK_ORDER_INDICATORS } from './indicators-work-orders.js';

/**
 * The cockpit's registry: every counter kept per region and every indicator computed from them.
 * A module that wants its figures on the cockpit adds its counters, how they are counted from its
 * tables, and its indicators here (larger sets in an indicators-<area>.ts spread into INDICATORS
 * below) — the cockpit's pages, exports and report pick them up.
 *
 * Counters are sums over a region's whole subtree, kept in `region_rollups` (or, for three of
 * them, in the older `region_stats`). A counter is either
 * - `month`: what happened in a Beijing month (orders received, deeds done), or
 * - `now`: a figure of the present (orders overdue now, residents).
 * and it is kept up by one of
 * - `events`: bumped in the transaction of the change that moves it (`bumpRollups`);
 * - `snapshot`: counted again from the tables by the refresh job when the district's data changed
 *   (the register and organizations, whose many bulk write paths would otherwise all need hooks);
 * - `region_stats`: the coverage counters the organizations module keeps itself.
 * `lianxin rollups rebuild` recounts all of them from the raw tables.
 */

export type CounterPeriod = 'month' | 'now';
export type CounterUpkeep = 'events' | 'snapshot' | 'region_stats';

interface CounterDef {
  period: CounterPeriod;
  upkeep: CounterUpkeep;
}

export const COUNTERS = {
  // Work orders (work-orders module; bumped by WorkOrderStep, see rollups.ts).
  'wo.received': { period: 'month', upkeep: 'events' },
  'wo.closed': { period: 'month', upkeep: 'events' },
  'wo.closed_on_time': { period: 'month', upkeep: 'events' },
  /** Minutes from receipt to closing, summed over the orders closed: the average's numerator. */
  'wo.close_minutes': { period: 'month', upkeep: 'events' },
  'wo.went_overdue': { period: 'month', upkeep: 'events' },
  'wo.satisfied': { period: 'month', upkeep: 'events' },
  'wo.basically_satisfied': { period: 'month', upkeep: 'events' },
  'wo.unsatisfied': { period: 'month', upkeep: 'events' },
  'wo.open': { period: 'now', upkeep: 'events' },
  'wo.overdue': { period: 'now', upkeep: 'events' },
  // Deeds (好事实事; bumped where a deed is written).
  'deed.done': { period: 'month', upkeep: 'events' },
  'deed.total': { period: 'now', upkeep: 'events' },
  // Register and organizations.
  'reg.residents': { period: 'now', upkeep: 'snapshot' },
  'reg.health_records': { period: 'now', upkeep: 'snapshot' },
  'org.members': { period: 'now', upkeep: 'snapshot' },
  'org.registrations': { period: 'now', upkeep: 'snapshot' },
  'org.warm_groups': { period: 'now', upkeep: 'snapshot' },
  'org.corridor_branches': { period: 'now', upkeep: 'snapshot' },
  // 大走访 (bumped where a visit is recorded or a need becomes an order).
  'visit.visits': { period: 'month', upkeep: 'events' },
  'visit.needs': { period: 'month', upkeep: 'events' },
  'visit.needs_ordered': { period: 'month', upkeep: 'events' },
  'visit.households_attempted': { period: 'now', upkeep: 'events' },
  'visit.households_met': { period: 'now', upkeep: 'events' },
  // Volunteering (confirmed minutes bumped where hours are confirmed; active volunteers counted).
  'vol.minutes': { period: 'month', upkeep: 'events' },
  'vol.active': { period: 'now', upkeep: 'snapshot' },
  // Time bank (minutes that changed hands; bumped by postTransfer).
  'tb.circulated_minutes': { period: 'month', upkeep: 'events' },
  // 就业服务 (placements bumped where a hire is recorded).
  'job.placements': { period: 'month', upkeep: 'events' },
  'job.seekers': { period: 'now', upkeep: 'snapshot' },
  // 职业培训 (people enrolled and people who completed a course, counted by the refresh job).
  'training.trainees': { period: 'now', upkeep: 'snapshot' },
  'training.completions': { period: 'now', upkeep: 'snapshot' },
  // 创业担保贷款 (counted from the loans' tables by the refresh job).
  'loan.guided': { period: 'now', upkeep: 'snapshot' },
  'loan.applied': { period: 'now', upkeep: 'snapshot' },
  'loan.approved': { period: 'now', upkeep: 'snapshot' },
  'loan.disbursed': { period: 'now', upkeep: 'snapshot' },
  'loan.disbursed_fen': { period: 'now', upkeep: 'snapshot' },
  'loan.in_arrears': { period: 'now', upkeep: 'snapshot' },
  // 易地搬迁 (households moved out or resettled, counted from the cases by the refresh job).
  'relocation.households_relocated': { period: 'now', upkeep: 'snapshot' },
  'reg.households': { period: 'now', upkeep: 'region_stats' },
  'org.cared_households': { period: 'now', upkeep: 'region_stats' },
  'org.warm_group_households': { period: 'now', upkeep: 'region_stats' },
  // 帮扶结对 (counted from the pairings and the register's tags by the refresh job).
  'pair.households_in_difficulty': { period: 'now', upkeep: 'snapshot' },
  'pair.households_covered': { period: 'now', upkeep: 'snapshot' },
  // 三会一课 (required meetings decided in the last and the current quarter, and those held).
  'meeting.slots_due': { period: 'now', upkeep: 'snapshot' },
  'meeting.slots_held': { period: 'now', upkeep: 'snapshot' },
  // 述职评议 (units of each reviewing region's latest published round, and their total scores).
  'review.units': { period: 'now', upkeep: 'snapshot' },
  'review.total_centi': { period: 'now', upkeep: 'snapshot' },
  // 群众满意度测评 (satisfaction answers of the surveys closed in the last twelve months).
  'survey.answers': { period: 'now', upkeep: 'snapshot' },
  'survey.satisfied': { period: 'now', upkeep: 'snapshot' },
  // Fund ledger (money held, and posted spending per voucher month and kind; fen).
  'fund.balance_fen': { period: 'now', upkeep: 'snapshot' },
  'fund.spent_fen': { period: 'month', upkeep: 'snapshot' },
  'fund.spent_consolation_fen': { period: 'month', upkeep: 'snapshot' },
  'fund.spent_allowance_fen': { period: 'month', upkeep: 'snapshot' },
  'fund.spent_award_fen': { period: 'month', upkeep: 'snapshot' },
  // 手机党校 (members who passed a study course this Beijing year).
  'study.members_passed': { period: 'now', upkeep: 'snapshot' },
} as const satisfies Record<string, CounterDef>;

export type CounterCode = keyof typeof COUNTERS;
export const COUNTER_CODES = Object.keys(COUNTERS) as CounterCode[];

export const countersKeptBy = (upkeep: CounterUpkeep): CounterCode[] =>
  COUNTER_CODES.filter((code) => COUNTERS[code].upkeep === upkeep);

/** One counted value at one region (any level; the caller adds it to the ancestors). */
export interface CounterRow {
  regionCode: string;
  period: string;
  counter: CounterCode;
  value: number;
}

/**
 * How a module's `events` and `snapshot` counters are counted from its tables, per district: the
 * rebuild uses every source, the refresh job the snapshot ones.
 */
export interface CounterSource {
  module: string;
  counters: readonly CounterCode[];
  count(db: Executor, districtCode: string): Promise<CounterRow[]>;
}

export const COUNTER_SOURCES: readonly CounterSource[] = [
  {
    module: 'work-orders',
    counters: COUNTER_CODES.filter((c) => c.startsWith('wo.')),
    count: (db, district) => cockpitCounts.workOrders(db, district),
  },
  {
    module: 'deeds',
    counters: ['deed.done', 'deed.total'],
    count: (db, district) => cockpitCounts.deeds(db, district),
  },
  {
    module: 'register',
    counters: ['reg.residents', 'reg.health_records'],
    count: (db, district) => cockpitCounts.register(db, district),
  },
  {
    module: 'organizations',
    counters: ['org.members', 'org.registrations', 'org.warm_groups', 'org.corridor_branches'],
    count: (db, district) => cockpitCounts.organizations(db, district),
  },
  {
    module: 'visits',
    counters: COUNTER_CODES.filter((c) => c.startsWith('visit.')),
    count: (db, district) => visitCounters.count(db, district),
  },
  ...volunteeringCounterSources,
  ...timebankCounterSources,
  ...jobsCounterSources,
  ...jobSeekerCounterSources,
  ...trainingCounterSources,
  ...loanCounterSources,
  ...relocationCounterSources,
  ...pairingCounterSources,
  ...meetingCounterSources,
  ...reviewCounterSources,
  ...surveyCounterSources,
  ...fundCounterSources,
  ...studyCounterSources,
];

/**
 * `people`: a count of persons (人), `count`: of anything else (个), `score`: points out of 100,
 * `yuan`: money in whole yuan.
 */
export type IndicatorUnit = 'count' | 'people' | 'percent' | 'hours' | 'score' | 'yuan';

export interface IndicatorDef {
  /** Stable: used in URLs, exports and tests. */
  code: string;
  /** The module that owns the figures. */
  module:
    | 'register'
    | 'organizations'
    | 'work-orders'
    | 'deeds'
    | 'visits'
    | 'volunteering'
    | 'timebank'
    | 'jobs'
    | 'training'
    | 'loans'
    | 'relocation'
    | 'pairings'
    | 'meetings'
    | 'reviews'
    | 'surveys'
    | 'funds'
    | 'bulletins';
  label: { zh: string; en: string };
  /** What exactly is counted, where a reader could take it for something else (shown on hover). */
  note?: { zh: string; en: string };
  unit: IndicatorUnit;
  better: 'higher' | 'lower';
  /**
   * `flow`: over the months asked for, with a value per month (a trend); every counter it reads is
   * a `month` counter. `stock`: a figure of now, from `now` counters.
   */
  kind: 'flow' | 'stock';
  counters: readonly CounterCode[];
  /** The value from its counters (summed over the period); null when it is undefined (0 of 0). */
  value(get: (counter: CounterCode) => number): number | null;
  /**
   * For a value drawn from a sample: its 95% interval in the value's unit, or null where it is
   * undefined (shown beside the value on the place's card).
   */
  interval?(get: (counter: CounterCode) => number): { low: number; high: number } | null;
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'residents',
    module: 'register',
    label: { zh: '常住居民', en: 'Residents' },
    unit: 'people',
    better: 'higher',
    kind: 'stock',
    counters: ['reg.residents'],
    value: count('reg.residents'),
  },
  {
    code: 'households',
    module: 'register',
    label: { zh: '户数', en: 'Households' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['reg.households'],
    value: count('reg.households'),
  },
  {
    code: 'members',
    module: 'organizations',
    label: { zh: '党员', en: 'Members' },
    note: {
      zh: '组织关系在本区域党组织的党员（按所在党组织的区域统计）',
      en: 'Members whose party organization is in this area (counted where their organization is)',
    },
    unit: 'people',
    better: 'higher',
    kind: 'stock',
    counters: ['org.members'],
    value: count('org.members'),
  },
  {
    code: 'registrations',
    module: 'organizations',
    label: { zh: '报到党员', en: 'Registered members' },
    note: {
      zh: '到本区域社区报到的党员（按报到社区统计），含组织关系在区直机关、企事业单位的在职党员，因此可多于“党员”',
      en: 'Members registered with a community here (counted where they registered), including those whose organization is a district unit or enterprise elsewhere — so it can exceed Members',
    },
    unit: 'people',
    better: 'higher',
    kind: 'stock',
    counters: ['org.registrations'],
    value: count('org.registrations'),
  },
  {
    code: 'warm_groups',
    module: 'organizations',
    label: { zh: '党群温馨小组', en: 'Warm groups' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['org.warm_groups'],
    value: count('org.warm_groups'),
  },
  {
    code: 'corridor_branches',
    module: 'organizations',
    label: { zh: '楼道党支部', en: 'Corridor branches' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['org.corridor_branches'],
    value: count('org.corridor_branches'),
  },
  {
    code: 'care_coverage',
    module: 'organizations',
    label: { zh: '党员联系覆盖率', en: 'Care coverage' },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['org.cared_households', 'reg.households'],
    value: (get) => percent(get('org.cared_households'), get('reg.households')),
  },
  {
    code: 'warm_group_coverage',
    module: 'organizations',
    label: { zh: '温馨小组覆盖率', en: 'Warm-group coverage' },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['org.warm_group_households', 'reg.households'],
    value: (get) => percent(get('org.warm_group_households'), get('reg.households')),
  },
  {
    code: 'health_records',
    module: 'register',
    label: { zh: '健康档案', en: 'Health records' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['reg.health_records'],
    value: count('reg.health_records'),
  },
  {
    code: 'deeds',
    module: 'deeds',
    label: { zh: '好事实事', en: 'Good deeds' },
    unit: 'count',
    better: 'higher',
    kind: 'flow',
    counters: ['deed.done'],
    value: count('deed.done'),
  },
  {
    code: 'deeds_total',
    module: 'deeds',
    label: { zh: '好事实事（累计）', en: 'Good deeds (all time)' },
    unit: 'count',
    better: 'higher',
    kind: 'stock',
    counters: ['deed.total'],
    value: count('deed.total'),
  },
  ...WORK_ORDER_INDICATORS,
  ...VISIT_INDICATORS,
  ...VOLUNTEERING_INDICATORS,
  ...TIMEBANK_INDICATORS,
  ...JOBS_INDICATORS,
  ...TRAINING_INDICATORS,
  ...LOAN_INDICATORS,
  ...RELOCATION_INDICATORS,
  ...PAIRING_INDICATORS,
  ...MEETING_INDICATORS,
  ...REVIEW_INDICATORS,
  ...SURVEY_INDICATORS,
  ...FUND_INDICATORS,
  ...STUDY_INDICATORS,
];

export const INDICATOR_CODES = INDICATORS.map((i) => i.code);
export const indicatorByCode = new Map(INDICATORS.map((i) => [i.code, i]));
