import { Alert } from 'antd';
import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nProvider';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser has a network now (`navigator.onLine`, kept up to date by its events). */
export const useOnline = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);

/** A line across the page while the network is gone, so a failed save is no surprise. */
export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  if (online) return null;
  return <Alert type="warning" banner showIcon title={t('phone.offline')} data-testid="offline-banner" />;
}
