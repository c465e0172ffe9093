import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import type { User, UserStatus } from '../../api/types';
import { usersQuery } from '../../api/users';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { AssignRoleModal } from './AssignRoleModal';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UsersTable } from './UsersTable';

/** /users — the accounts of the user's jurisdiction. */
export function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const canManage = hasPermission(me, 'user.manage');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<UserStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const [assigningTo, setAssigningTo] = useState<User | null>(null);
  const [resettingFor, setResettingFor] = useState<User | null>(null);
  const users = useInfiniteQuery(usersQuery({ q, status }));
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('users.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-user"
          >
            {t('users.new')}
          </Button>
        )
      }
      styles={{ body: { padding: 0 } }}
      data-testid="users-page"
    >
      <Flex gap={12} style={{ padding: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 280 }}
          data-testid="users-search"
        />
        <Select<UserStatus | ''>
          aria-label={t('users.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('users.statusAll') },
            { value: 'active', label: t('status.active') },
            { value: 'disabled', label: t('status.disabled') },
          ]}
        />
      </Flex>
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <UsersTable
            users={rows}
            loading={users.isPending}
            canManage={canManage}
            onAssignRole={setAssigningTo}
            onResetPassword={setResettingFor}
          />
          <LoadMore
            count={rows.length}
            hasMore={users.hasNextPage}
            loading={users.isFetchingNextPage}
            onLoadMore={() => void users.fetchNextPage()}
          />
        </>
      )}
      {canManage && (
        <>
          <CreateUserModal open={creating} onClose={() => setCreating(false)} />
          <AssignRoleModal user={assigningTo} onClose={() => setAssigningTo(null)} />
          <ResetPasswordModal user={resettingFor} onClose={() => setResettingFor(null)} />
        </>
      )}
    </Card>
  );
}
