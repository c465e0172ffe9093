import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { meQuery } from '../../api/auth';
import type { RoleName, User, UserStatus } from '../../api/types';
import {
  assignRole,
  createUser,
  endUserSessions,
  type NewUser,
  removeRole,
  resetUserPassword,
  updateUser,
  userKeys,
} from '../../api/users';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

/** Users change: the list refreshes, and so does the session's own profile (roles may be one's own). */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
    ]);
  };
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (user: NewUser) => createUser(user), onSuccess: refresh });
}

export function useAssignRole(user: User) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ role, regionCode }: { role: RoleName; regionCode: string }) =>
      assignRole(user.id, role, regionCode),
    onSuccess: refresh,
  });
}

export function useResetPassword(user: User) {
  return useMutation({ mutationFn: (password: string) => resetUserPassword(user.id, password) });
}

/** The one-click actions (after a confirmation): each reports its outcome as a message. */
export function useUserActions() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const onError = (error: unknown) => void message.error(errorMessage(error, t));

  const setStatus = useMutation({
    mutationFn: ({ user, status }: { user: User; status: UserStatus }) => updateUser(user.id, { status }),
    onSuccess: async (updated) => {
      const key = updated.status === 'disabled' ? 'users.disabled' : 'users.enabled';
      void message.success(t(key, { name: updated.displayName }));
      await refresh();
    },
    onError,
  });

  const endSessions = useMutation({
    mutationFn: (user: User) => endUserSessions(user.id),
    onSuccess: ({ ended }) => {
      void message.success(t('users.sessionsEnded', { count: ended }));
      // Ending one's own sessions ends this one too: re-reading the profile answers 401, and the
      // session handler takes the user to the login page.
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
    onError,
  });

  const unassign = useMutation({
    mutationFn: ({ user, assignmentId }: { user: User; assignmentId: string }) =>
      removeRole(user.id, assignmentId),
    onSuccess: async () => {
      void message.success(t('users.roleRemoved'));
      await refresh();
    },
    onError,
  });

  return { setStatus, endSessions, unassign };
}
