import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { logout, meQuery } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from './SessionProvider';

/** Signs out and lands on the login page with nothing of the old session left in the browser. */
export function useSignOut(): () => Promise<void> {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setNotice } = useSession();
  const { message } = App.useApp();
  return async () => {
    try {
      await logout();
    } finally {
      // Nothing of this session (messages, cached data) may show on the login page or to the next user.
      message.destroy();
      setNotice(t('session.loggedOut'));
      navigate('/login', { replace: true });
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, null);
    }
  };
}
