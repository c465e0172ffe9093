import {
  CHANNEL_LABELS,
  type Channel,
  SATISFACTION_LABELS,
  type Satisfaction,
  STATUS_LABELS,
  STEP_LABELS,
  type WorkOrderAction,
  type WorkOrderStatus,
  type WorkOrderStep,
} from '../../../shared/work-orders';
import { useI18n } from '../../i18n/I18nProvider';

/** The shared vocabulary (src/shared/work-orders.ts) in the UI's language. */
export function useWorkOrderLabels() {
  const { language } = useI18n();
  return {
    status: (status: WorkOrderStatus | string) =>
      STATUS_LABELS[status as WorkOrderStatus]?.[language] ?? status,
    action: (action: WorkOrderAction | string) => STEP_LABELS[action as WorkOrderStep]?.[language] ?? action,
    channel: (channel: Channel) => CHANNEL_LABELS[channel][language],
    satisfaction: (value: Satisfaction) => SATISFACTION_LABELS[value][language],
  };
}
