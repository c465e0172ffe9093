import type { ReactNode } from 'react';
import type { Permission } from '../api/types';
import { NotFoundPage } from '../pages/NotFoundPage';
import { hasPermission } from './permissions';
import { useMe } from './useMe';

/** A page for holders of one permission; others see "not found", as the menu never offered it. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return hasPermission(me, permission) ? children : <NotFoundPage />;
}
