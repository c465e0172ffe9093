import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { isApiError } from '../../../api/client';
import { type ActionBody, actOnWorkOrder, refreshWorkOrders } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * One step on an order. Every order view refreshes afterwards; when someone else acted first
 * (409), the user is told so plainly and the order is reloaded to show what it is now.
 */
export function useWorkOrderAction(orderId: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => refreshWorkOrders(queryClient);
  return useMutation({
    mutationFn: (body: ActionBody) => actOnWorkOrder(orderId, body),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 409)) {
        void message.warning(error.code === 'workorder.conflict' ? t('wo.conflict') : error.message, 6);
        void refresh();
      }
    },
  });
}
