import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { type PortalMe, portalMeQuery } from '../../api/portal';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';

export interface PortalLoginState {
  from?: string;
  /** The session ended while the resident was using the portal. */
  ended?: boolean;
}

const ResidentContext = createContext<PortalMe | null>(null);

export function useResident(): PortalMe {
  const resident = use(ResidentContext);
  if (!resident) throw new Error('useResident must be used inside <RequireResident>');
  return resident;
}

/** Renders its children only with a portal session; otherwise sends the resident to /m/login. */
export function RequireResident({ children }: { children: ReactNode }) {
  const me = useQuery(portalMeQuery);
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const state: PortalLoginState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/m/login" replace state={state} />;
  }
  return <ResidentContext value={me.data}>{children}</ResidentContext>;
}

/** Forgets the portal session after a 401, so <RequireResident> sends the resident to sign in. */
export function useSessionEnded(): (error: unknown) => boolean {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  return (error) => {
    if (!isApiError(error, 401)) return false;
    const state: PortalLoginState = { from: `${location.pathname}${location.search}`, ended: true };
    navigate('/m/login', { replace: true, state });
    queryClient.removeQueries({ queryKey: ['portal'], predicate: (q) => q.queryKey[1] !== 'me' });
    queryClient.setQueryData(portalMeQuery.queryKey, null);
    return true;
  };
}

/** A failed load; a 401 (the session ended) goes back to the sign-in page instead. */
export function PortalQueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const ended = useSessionEnded();
  const unauthorized = isApiError(error, 401);
  useEffect(() => {
    if (unauthorized) ended(error);
  }, [unauthorized, error, ended]);
  if (unauthorized) return <FullPageSpin />;
  return <QueryError error={error} onRetry={onRetry} />;
}
