import { createContext, use } from 'react';
import type { Me } from '../api/types';

/**
 * The signed-in user, provided by <RequireAuth>. A context rather than a query read: when the
 * session ends, RequireAuth swaps its children for a redirect, so no page renders without a user.
 */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useMe used outside <RequireAuth>');
  return me;
}
