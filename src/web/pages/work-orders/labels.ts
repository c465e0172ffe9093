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

/** How the server names a resident acting through the portal (`resident-auth.service.ts`). */
const RESIDENT_ACTOR = 'resident:';

/** The shared vocabulary (src/shared/work-orders.ts) in the UI's language. */
export function useWorkOrderLabels() {
  const { language, t } = useI18n();
  return {
    /** Who took a step: staff by name, a resident as 居民（186****4522）rather than the raw account tag. */
    actor: (name: string) =>
      name.startsWith(RESIDENT_ACTOR)
        ? t('wo.residentActor', { phone: name.slice(RESIDENT_ACTOR.length) })
        : name,
    status: (status: WorkOrderStatus | string) =>
      STATUS_LABELS[status as WorkOrderStatus]?.[language] ?? status,
    action: (action: WorkOrderAction | string) => STEP_LABELS[action as WorkOrderStep]?.[language] ?? action,
    channel: (channel: Channel) => CHANNEL_LABELS[channel][language],
    satisfaction: (value: Satisfaction) => SATISFACTION_LABELS[value][language],
  };
}
