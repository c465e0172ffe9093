import { Badge, Empty, Table, type TableColumnsType, Typography } from 'antd';
import type { ManagedUser, User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../lib/time';
import { RoleTags } from './RoleTags';
import { UserActions } from './UserActions';

interface Props {
  users: ManagedUser[];
  loading: boolean;
  canManage: boolean;
  onAssignRole: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, loading, canManage, onAssignRole, onResetPassword }: Props) {
  const { t } = useI18n();
  const columns: TableColumnsType<ManagedUser> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 160,
      // A long username is cut with "…" (whole on hover), never broken mid-word.
      ellipsis: { showTitle: false },
      render: (username: string) => (
        <Typography.Text strong title={username}>
          {username}
        </Typography.Text>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, user) => (
        <Badge status={user.status === 'active' ? 'success' : 'default'} text={t(`status.${user.status}`)} />
      ),
    },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, user) => <RoleTags user={user} canManage={canManage && user.manageable} />,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (at: string) => formatDate(at),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      // Accounts holding a role above or beside the manager's own are shown, not offered for change.
      render: (_, user) =>
        user.manageable ? (
          <UserActions user={user} onAssignRole={onAssignRole} onResetPassword={onResetPassword} />
        ) : (
          <Typography.Text type="secondary" data-testid={`not-manageable-${user.username}`}>
            {t('users.notManageable')}
          </Typography.Text>
        ),
    });
  }
  return (
    <Table<ManagedUser>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} /> }}
      data-testid="users-table"
    />
  );
}
