import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { noContent } from '../../shared/api/common';
import {
  endedSessionsSchema,
  managedUserPageSchema,
  roleAssignmentSchema,
  roleListSchema,
  userSchema,
} from '../../shared/api/users';
import { api } from './client';
import type { RoleName, UserStatus } from './types';

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
      api('GET', '/api/users', managedUserPageSchema, {
        query: { q: filter.q, status: filter.status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const rolesQuery = queryOptions({
  queryKey: ['roles'],
  queryFn: () => api('GET', '/api/roles', roleListSchema).then((r) => r.items),
  staleTime: Number.POSITIVE_INFINITY,
});

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  regionCode?: string | undefined;
}

export const createUser = (user: NewUser) => api('POST', '/api/users', userSchema, { body: user });

export const updateUser = (id: string, changes: { displayName?: string; status?: UserStatus }) =>
  api('PATCH', `/api/users/${id}`, userSchema, { body: changes });

export const resetUserPassword = (id: string, password: string) =>
  api('POST', `/api/users/${id}/password`, noContent, { body: { password } });

export const endUserSessions = (id: string) =>
  api('DELETE', `/api/users/${id}/sessions`, endedSessionsSchema);

export const assignRole = (id: string, role: RoleName, regionCode: string) =>
  api('POST', `/api/users/${id}/roles`, roleAssignmentSchema, { body: { role, regionCode } });

export const removeRole = (id: string, assignmentId: string) =>
  api('DELETE', `/api/users/${id}/roles/${assignmentId}`, noContent);
