import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  type Channel,
  SATISFACTION_LABELS,
  type Satisfaction,
  STATUS_LABELS,
  type WorkOrderAction,
  type WorkOrderStatus,
} from '../../../shared/work-orders';
import { useI18n } from '../../i18n/I18nProvider';

/** Server-side steps that are no user action (intake, the SLA sweeper marking an order overdue). */
const STEP_LABELS: Record<string, { zh: string; en: string }> = {
  receive: { zh: '受理', en: 'Received' },
  overdue: { zh: '超期督办', en: 'Overdue, escalated' },
};

/** The shared vocabulary (src/shared/work-orders.ts) in the UI's language. */
export function useWorkOrderLabels() {
  const { language } = useI18n();
  return {
    status: (status: WorkOrderStatus | string) =>
      STATUS_LABELS[status as WorkOrderStatus]?.[language] ?? status,
    action: (action: WorkOrderAction | string) =>
      ACTION_LABELS[action as WorkOrderAction]?.[language] ?? STEP_LABELS[action]?.[language] ?? action,
    channel: (channel: Channel) => CHANNEL_LABELS[channel][language],
    satisfaction: (value: Satisfaction) => SATISFACTION_LABELS[value][language],
  };
}
