import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { actOnTransfer, transfersQuery, workflowKeys } from '../../api/member-workflows';
import type {
  Transfer,
  TransferAction,
  TransferDirection,
  TransferStatus,
} from '../../api/organization-types';
import { organizationKeys } from '../../api/organizations';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { TransferRequestModal } from './TransferRequestModal';

const statusColors: Record<TransferStatus, string> = {
  requested: 'gold',
  sender_approved: 'blue',
  letter_issued: 'cyan',
  completed: 'green',
  rejected: 'red',
  expired: 'default',
};

/** What each side may do at each status (the server's transitions). */
function actionsFor(direction: TransferDirection, status: TransferStatus): TransferAction[] {
  if (direction === 'outgoing') {
    if (status === 'requested') return ['approve_sending', 'reject'];
    if (status === 'sender_approved' || status === 'letter_issued') return ['reject'];
    return [];
  }
  if (status === 'sender_approved') return ['approve_receiving', 'reject'];
  if (status === 'letter_issued') return ['receipt', 'reject'];
  return [];
}

/** 组织关系转接: outgoing and incoming transfers, with the buttons their status allows. */
export function TransfersTab() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [direction, setDirection] = useState<TransferDirection>('outgoing');
  const [requesting, setRequesting] = useState(false);
  const transfers = useQuery(transfersQuery(direction));
  const canWrite = hasPermission(me, 'org.write');
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: TransferAction }) => actOnTransfer(id, action),
    onSuccess: async (transfer) => {
      void message.success(t('transfer.done', { status: t(`transferStatus.${transfer.status}`) }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
        queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
      ]);
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const button = (transfer: Transfer, action: TransferAction) => {
    const props = {
      size: 'small' as const,
      loading: act.isPending && act.variables?.id === transfer.id && act.variables.action === action,
      'data-testid': `transfer-${action}-${transfer.id}`,
    };
    return action === 'reject' ? (
      <Popconfirm
        key={action}
        title={t('transfer.rejectConfirm')}
        onConfirm={() => act.mutate({ id: transfer.id, action })}
      >
        <Button danger {...props}>
          {t(`transferAction.${action}`)}
        </Button>
      </Popconfirm>
    ) : (
      <Button key={action} type="primary" {...props} onClick={() => act.mutate({ id: transfer.id, action })}>
        {t(`transferAction.${action}`)}
      </Button>
    );
  };

  const columns: TableColumnsType<Transfer> = [
    {
      title: t('member.name'),
      key: 'member',
      render: (_, tr) => <Link to={`/members/${tr.member.id}`}>{tr.member.name}</Link>,
    },
    { title: t('transfer.from'), key: 'from', render: (_, tr) => tr.fromOrganization.name },
    { title: t('transfer.to'), key: 'to', render: (_, tr) => tr.toOrganization.name },
    { title: t('transfer.duesPaidUntil'), dataIndex: 'duesPaidUntil', width: 110 },
    {
      title: t('transfer.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: TransferStatus) => <Tag color={statusColors[s]}>{t(`transferStatus.${s}`)}</Tag>,
    },
    {
      title: t('transfer.letterExpiresAt'),
      dataIndex: 'letterExpiresAt',
      width: 120,
      render: (at: string | null) => (at ? formatDate(at) : ''),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, tr) =>
        canWrite ? (
          <Space size={4}>{actionsFor(direction, tr.status).map((a) => button(tr, a))}</Space>
        ) : null,
    },
  ];

  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Segmented<TransferDirection>
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'outgoing', label: t('transfer.outgoing') },
            { value: 'incoming', label: t('transfer.incoming') },
          ]}
          data-testid="transfer-direction"
        />
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid="transfer-request">
            {t('transfer.request')}
          </Button>
        )}
      </Flex>
      {transfers.isError ? (
        <QueryError error={transfers.error} onRetry={() => void transfers.refetch()} />
      ) : (
        <Table<Transfer>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={transfers.data}
          loading={transfers.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('transfer.empty') }}
          data-testid="transfers-table"
        />
      )}
      {requesting && <TransferRequestModal onClose={() => setRequesting(false)} />}
    </>
  );
}
