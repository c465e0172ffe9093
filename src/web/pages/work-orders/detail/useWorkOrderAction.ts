import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { isApiError } from '../../../api/client';
import { type ActionBody, actOnWorkOrder, refreshWorkOrders, type WorkOrder } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import {
  type DraftableAction,
  type DraftPhoto,
  newDraft,
  submitStep,
} from '../../../offline/work-order-drafts';
import { useMe } from '../../../session/useMe';

/** When someone else acted first (409), the user is told so plainly and the order is reloaded. */
function useConflictNotice(queryClient: QueryClient) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (error: Error) => {
    if (isApiError(error, 409)) {
      void message.warning(error.code === 'workorder.conflict' ? t('wo.conflict') : error.message, 6);
      void refreshWorkOrders(queryClient);
    }
  };
}

/**
 * One step on an order. Every order view refreshes afterwards; when someone else acted first
 * (409), the user is told so plainly and the order is reloaded to show what it is now.
 */
export function useWorkOrderAction(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => actOnWorkOrder(orderId, body),
    onSuccess: () => refreshWorkOrders(queryClient),
    onError: useConflictNotice(queryClient),
  });
}

export interface DraftableStep {
  action: DraftableAction;
  body: ActionBody;
  photos: DraftPhoto[];
}

/**
 * A resolution or a note, which a grid worker may type without network: kept as a draft with its
 * photos (offline/work-order-drafts) and sent, now or when the network returns, exactly once.
 * Answers the order when it was taken now, or 'kept' (and says so) when it waits.
 */
export function useDraftableStep(order: Pick<WorkOrder, 'id' | 'number'>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const userId = useMe().id;
  return useMutation({
    mutationFn: (step: DraftableStep) => submitStep(newDraft({ userId, order, ...step })),
    // Offline too: without a network the step is kept as a draft, not paused in the query client.
    networkMode: 'always',
    onSuccess: (result) => {
      if (result === 'kept') void message.warning(t('drafts.kept'), 6);
      else void refreshWorkOrders(queryClient);
    },
    onError: useConflictNotice(queryClient),
  });
}
