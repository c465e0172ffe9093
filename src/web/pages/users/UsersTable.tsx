import { Badge, Empty, Table, type TableColumnsType, Typography } from 'antd';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../lib/time';
import { RoleTags } from './RoleTags';
import { UserActions } from './UserActions';

interface Props {
  users: User[];
  loading: boolean;
  canManage: boolean;
  onAssignRole: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, loading, canManage, onAssignRole, onResetPassword }: Props) {
  const { t } = useI18n();
  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 160,
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
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
      render: (_, user) => <RoleTags user={user} canManage={canManage} />,
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
      render: (_, user) => (
        <UserActions user={user} onAssignRole={onAssignRole} onResetPassword={onResetPassword} />
      ),
    });
  }
  return (
    <Table<User>
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
