import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/useMe';
import { useUserActions } from './useUserMutations';

interface Props {
  user: User;
  onAssignRole: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** Per-row management: assign a role at once, the rarer actions behind "更多". */
export function UserActions({ user, onAssignRole, onResetPassword }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const { modal } = App.useApp();
  const { setStatus, endSessions } = useUserActions();
  const isSelf = user.id === me.id;
  const disabled = user.status === 'disabled';

  const confirm = (title: string, onOk: () => Promise<unknown>, danger = false) =>
    modal.confirm({
      title,
      okText: t('common.ok'),
      okButtonProps: { danger },
      cancelText: t('common.cancel'),
      onOk: () => onOk().catch(() => undefined),
    });

  return (
    <Space size={0}>
      <Button
        type="link"
        size="small"
        onClick={() => onAssignRole(user)}
        data-testid={`assign-role-${user.username}`}
      >
        {t('users.assignRole')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t('users.resetPassword') },
            disabled
              ? { key: 'enable', label: t('users.enable') }
              : { key: 'disable', label: t('users.disable'), danger: true, disabled: isSelf },
            { key: 'sessions', label: t('users.endSessions') },
          ],
          onClick: ({ key }) => {
            if (key === 'password') onResetPassword(user);
            if (key === 'enable')
              void setStatus.mutateAsync({ user, status: 'active' }).catch(() => undefined);
            if (key === 'disable') {
              confirm(
                t('users.disableConfirm', { name: user.displayName }),
                () => setStatus.mutateAsync({ user, status: 'disabled' }),
                true,
              );
            }
            if (key === 'sessions') {
              confirm(t('users.endSessionsConfirm', { name: user.displayName }), () =>
                endSessions.mutateAsync(user),
              );
            }
          },
        }}
      >
        <Button type="link" size="small" data-testid={`more-actions-${user.username}`}>
          {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Space>
  );
}
