import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { refreshWorkOrders } from '../api/work-orders';
import { useI18n } from '../i18n/I18nProvider';
import { useMe } from '../session/useMe';
import { flushDrafts } from './work-order-drafts';

/**
 * Sends the signed-in user's waiting drafts when the app starts and whenever the network returns,
 * and says how many went. Renders nothing; mounted once in the staff layout.
 */
export function DraftSender() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const userId = useMe().id;
  useEffect(() => {
    const flush = () =>
      void flushDrafts(userId).then(
        (sent) => {
          if (sent === 0) return;
          void message.success(t('drafts.sent', { count: sent }));
          void refreshWorkOrders(queryClient);
        },
        () => undefined,
      );
    window.addEventListener('online', flush);
    if (navigator.onLine) flush();
    return () => window.removeEventListener('online', flush);
  }, [userId, message, queryClient, t]);
  return null;
}
