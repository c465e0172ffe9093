import { count, percent } from './indicator-values.js';
import type { IndicatorDef } from './indicators.js';

/** 大走访 figures on the cockpit: coverage of the register's households, visits and needs found. */
export const VISIT_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'visit_coverage',
    module: 'visits',
    label: { zh: '走访见面覆盖率', en: 'Visit coverage (met)' },
    note: {
      zh: '走访中当面见到的住户占登记住户的比例',
      en: 'Households met in person on a visit, of all households in the register',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['visit.households_met', 'reg.households'],
    value: (get) => percent(get('visit.households_met'), get('reg.households')),
  },
  {
    code: 'visit_attempted_coverage',
    module: 'visits',
    label: { zh: '走访上门覆盖率', en: 'Visit coverage (attempted)' },
    note: {
      zh: '走访过（含未遇、拒访）的住户占登记住户的比例',
      en: 'Households visited at all (not home and refused included), of all households in the register',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['visit.households_attempted', 'reg.households'],
    value: (get) => percent(get('visit.households_attempted'), get('reg.households')),
  },
  {
    code: 'visits',
    module: 'visits',
    label: { zh: '走访次数', en: 'Visits' },
    unit: 'count',
    better: 'higher',
    kind: 'flow',
    counters: ['visit.visits'],
    value: count('visit.visits'),
  },
  {
    code: 'visit_needs',
    module: 'visits',
    label: { zh: '走访发现需求', en: 'Needs found on visits' },
    unit: 'count',
    better: 'higher',
    kind: 'flow',
    counters: ['visit.needs'],
    value: count('visit.needs'),
  },
  {
    code: 'visit_needs_ordered',
    module: 'visits',
    label: { zh: '需求转工单', en: 'Needs turned into orders' },
    unit: 'count',
    better: 'higher',
    kind: 'flow',
    counters: ['visit.needs_ordered'],
    value: count('visit.needs_ordered'),
  },
];
