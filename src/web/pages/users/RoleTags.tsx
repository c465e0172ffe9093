import { App, Flex, Tag, Typography } from 'antd';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/useMe';
import { useUserActions } from './useUserMutations';

/** "角色 · 区域名" per assignment; managers remove one with the tag's × after a confirmation. */
export function RoleTags({ user, canManage }: { user: User; canManage: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  // Removing one's own role could lock one out of this very page; another manager does that.
  const closable = canManage && user.id !== me.id;
  const { modal } = App.useApp();
  const { unassign } = useUserActions();
  if (user.roles.length === 0)
    return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {user.roles.map((assignment) => {
        const text = `${t(`role.${assignment.role}`)} · ${assignment.regionName}`;
        return (
          <Tag
            key={assignment.id}
            color="blue"
            variant="outlined"
            style={{ marginInlineEnd: 0 }}
            closable={closable}
            onClose={(event) => {
              event.preventDefault();
              modal.confirm({
                title: t('users.removeRoleConfirm', { name: user.displayName, role: text }),
                okText: t('common.delete'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () =>
                  unassign.mutateAsync({ user, assignmentId: assignment.id }).catch(() => undefined),
              });
            }}
            data-testid={`role-tag-${user.username}`}
          >
            {text}
          </Tag>
        );
      })}
    </Flex>
  );
}
