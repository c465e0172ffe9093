import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { meQuery } from '../api/auth';
import { FullPageSpin } from '../components/FullPageSpin';
import { QueryError } from '../components/QueryError';
import { PasswordChangeRequiredPage } from '../pages/login/PasswordChangeRequiredPage';
import { MeContext } from './useMe';

export interface LoginState {
  /** Where to go after logging in. */
  from?: string;
}

/**
 * Renders its children only with a session; otherwise sends the user to /login and back after.
 * A user who owes a password change sees only the change, on this same address, and then the page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery);
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const state: LoginState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return (
    <MeContext value={me.data}>
      {me.data.passwordChangeRequired ? <PasswordChangeRequiredPage /> : children}
    </MeContext>
  );
}
