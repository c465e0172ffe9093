import { count, oneDecimal, percent } from './indicator-values.js';
import type { IndicatorDef } from './indicators.js';

/** The work orders' figures on the cockpit (counters bumped by WorkOrderStep, see rollups.ts). */
export const WORK_ORDER_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'wo_received',
    module: 'work-orders',
    label: { zh: '受理工单', en: 'Orders received' },
    unit: 'count',
    better: 'lower',
    kind: 'flow',
    counters: ['wo.received'],
    value: count('wo.received'),
  },
  {
    code: 'wo_closed',
    module: 'work-orders',
    label: { zh: '办结工单', en: 'Orders closed' },
    unit: 'count',
    better: 'higher',
    kind: 'flow',
    counters: ['wo.closed'],
    value: count('wo.closed'),
  },
  {
    code: 'wo_on_time_rate',
    module: 'work-orders',
    label: { zh: '按时办结率', en: 'Closed on time' },
    unit: 'percent',
    better: 'higher',
    kind: 'flow',
    counters: ['wo.closed_on_time', 'wo.closed'],
    value: (get) => percent(get('wo.closed_on_time'), get('wo.closed')),
  },
  {
    code: 'wo_overdue_now',
    module: 'work-orders',
    label: { zh: '当前超期', en: 'Overdue now' },
    unit: 'count',
    better: 'lower',
    kind: 'stock',
    counters: ['wo.overdue'],
    value: count('wo.overdue'),
  },
  {
    code: 'wo_open_now',
    module: 'work-orders',
    label: { zh: '在办工单', en: 'Open orders' },
    unit: 'count',
    better: 'lower',
    kind: 'stock',
    counters: ['wo.open'],
    value: count('wo.open'),
  },
  {
    code: 'wo_satisfaction_rate',
    module: 'work-orders',
    label: { zh: '群众满意率', en: 'Satisfaction' },
    note: {
      zh: '回访中“满意”与“基本满意”之和占全部回访的比例',
      en: 'Callbacks answered satisfied or basically satisfied, of all callbacks',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'flow',
    counters: ['wo.satisfied', 'wo.basically_satisfied', 'wo.unsatisfied'],
    value: (get) => {
      const content = get('wo.satisfied') + get('wo.basically_satisfied');
      return percent(content, content + get('wo.unsatisfied'));
    },
  },
  {
    code: 'wo_avg_close_hours',
    module: 'work-orders',
    label: { zh: '平均办结用时', en: 'Average time to close' },
    unit: 'hours',
    better: 'lower',
    kind: 'flow',
    counters: ['wo.close_minutes', 'wo.closed'],
    value: (get) =>
      get('wo.closed') === 0 ? null : oneDecimal(get('wo.close_minutes') / get('wo.closed') / 60),
  },
];
