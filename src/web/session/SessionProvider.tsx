import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import { meQuery } from '../api/auth';
import { setUnauthorizedHandler } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

interface Session {
  /** Why the user is looking at the login page (session expired, logged out), or null. */
  notice: string | null;
  setNotice: (notice: string | null) => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Turns a 401 from any API call into "signed out": the cached data of the old session is dropped
 * and <RequireAuth> sends the user to the login page, which shows the server's reason.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    setUnauthorizedHandler((error) => {
      const wasSignedIn = Boolean(queryClient.getQueryData(meQuery.queryKey));
      if (!wasSignedIn) return;
      // The server says "please log in" for a session that is gone (ended by an administrator,
      // or after a password change elsewhere); to someone who was working, "it ended" is clearer.
      setNotice(error.code === 'auth.required' ? t('session.ended') : error.message);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queryClient.setQueryData(meQuery.queryKey, null);
    });
    return () => setUnauthorizedHandler(() => {});
  }, [queryClient, t]);

  const value = useMemo(() => ({ notice, setNotice }), [notice]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
