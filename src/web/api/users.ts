import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Items, ManagedUser, Page, RoleAssignment, RoleInfo, RoleName, User, UserStatus } from './types';

export const userKeys = { all: ['users'] as const };

export interface UserFilter {
  q: string;
  status: UserStatus | '';
}

const PAGE_SIZE = 50;

export const usersQuery = (filter: UserFilter) =>
  infiniteQueryOptions({
    queryKey: ['users', 'list', filter] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<ManagedUser>>('GET', '/api/users', {
        query: { q: filter.q, status: filter.status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const rolesQuery = queryOptions({
  queryKey: ['roles'],
  queryFn: () => api<Items<RoleInfo>>('GET', '/api/roles').then((r) => r.items),
  staleTime: Number.POSITIVE_INFINITY,
});

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  regionCode?: string | undefined;
}

export const createUser = (user: NewUser) => api<User>('POST', '/api/users', { body: user });

export const updateUser = (id: string, changes: { displayName?: string; status?: UserStatus }) =>
  api<User>('PATCH', `/api/users/${id}`, { body: changes });

export const resetUserPassword = (id: string, password: string) =>
  api<void>('POST', `/api/users/${id}/password`, { body: { password } });

export const endUserSessions = (id: string) => api<{ ended: number }>('DELETE', `/api/users/${id}/sessions`);

export const assignRole = (id: string, role: RoleName, regionCode: string) =>
  api<RoleAssignment>('POST', `/api/users/${id}/roles`, { body: { role, regionCode } });

export const removeRole = (id: string, assignmentId: string) =>
  api<void>('DELETE', `/api/users/${id}/roles/${assignmentId}`);
