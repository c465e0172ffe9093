import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { type Open311Key, open311KeyKeys, open311KeysQuery, revokeOpen311Key } from '../../api/open311';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { mono } from '../persons/PersonsTable';
import { CreateKeyModal } from './CreateKeyModal';
import { NewKeyModal } from './NewKeyModal';

/** /open311-keys — API keys with which other systems POST service requests (Open311 GeoReport v2). */
export function Open311KeysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useQuery(open311KeysQuery);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<(Open311Key & { key: string }) | null>(null);
  const revoke = useMutation({
    mutationFn: (key: Open311Key) => revokeOpen311Key(key.id),
    onSuccess: (revoked) => {
      void message.success(t('open311.revoked', { name: revoked.name }));
      void queryClient.invalidateQueries({ queryKey: open311KeyKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const endpoint = `${window.location.origin}/open311/v2`;

  const columns: TableColumnsType<Open311Key> = [
    { title: t('open311.name'), dataIndex: 'name' },
    {
      title: t('open311.region'),
      dataIndex: 'regionName',
      render: (name: string, key) => (
        <span>
          {name} <Typography.Text type="secondary">{key.regionCode}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('open311.prefix'),
      dataIndex: 'keyPrefix',
      width: 170,
      render: (prefix: string) => <span style={mono}>{prefix}…</span>,
    },
    { title: t('open311.createdAt'), dataIndex: 'createdAt', width: 180, render: formatTime },
    {
      title: t('open311.status'),
      dataIndex: 'revokedAt',
      width: 220,
      render: (revokedAt: string | null) =>
        revokedAt ? (
          <Tag>{t('open311.revokedAt', { time: formatTime(revokedAt) })}</Tag>
        ) : (
          <Tag color="green">{t('open311.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, key) =>
        !key.revokedAt && (
          <Popconfirm
            title={t('open311.revokeConfirm', { name: key.name })}
            description={t('open311.revokeHint')}
            okText={t('open311.revoke')}
            okButtonProps={{ danger: true, 'data-testid': 'open311-revoke-confirm' }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(key).catch(() => undefined)}
          >
            <Button size="small" danger data-testid={`open311-revoke-${key.id}`}>
              {t('open311.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={
        <span>
          <KeyOutlined /> {t('open311.title')}
        </span>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="open311-create"
        >
          {t('open311.create')}
        </Button>
      }
      data-testid="open311-keys-page"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('open311.endpoint')}
        description={
          <>
            <Typography.Paragraph copyable={{ text: endpoint }} style={{ marginBottom: 4 }}>
              <span style={mono}>{endpoint}</span>
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('open311.endpointHint')}</Typography.Text>
          </>
        }
      />
      {keys.isError ? (
        <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table<Open311Key>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={keys.data}
          loading={keys.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('open311.empty')} />,
          }}
          data-testid="open311-keys-table"
        />
      )}
      {creating && <CreateKeyModal onClose={() => setCreating(false)} onCreated={setIssued} />}
      {issued && <NewKeyModal issued={issued} onClose={() => setIssued(null)} />}
    </Card>
  );
}
