import { queryOptions } from '@tanstack/react-query';
import { loginSchema } from '../../shared/api/auth';
import { noContent } from '../../shared/api/common';
import { meSchema } from '../../shared/api/users';
import { SESSION_HINT_COOKIE } from '../../shared/session-hint';
import { api, isApiError } from './client';
import type { Me } from './types';

export async function login(username: string, password: string): Promise<Me> {
  const { user } = await api('POST', '/api/auth/login', loginSchema, {
    body: { username, password },
    expectUnauthorized: true,
  });
  return user;
}

export const logout = () => api('POST', '/api/auth/logout', noContent, { expectUnauthorized: true });

/** Whether this browser holds a session at all (the server sets the hint cookie with it). */
const mayHaveSession = (): boolean =>
  document.cookie.split(';').some((c) => c.trim().startsWith(`${SESSION_HINT_COOKIE}=1`));

/**
 * The signed-in user, or null when there is no session. Without the hint cookie there is none, and
 * the server is not asked (it would only answer 401). A 401 still goes through the client's
 * session-ended handler, so a session that expired while the page was open says so on the login page.
 */
export async function fetchMe(): Promise<Me | null> {
  if (!mayHaveSession()) return null;
  try {
    return await api('GET', '/api/auth/me', meSchema);
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  api('POST', '/api/auth/password', noContent, { body: { currentPassword, newPassword } });

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });
