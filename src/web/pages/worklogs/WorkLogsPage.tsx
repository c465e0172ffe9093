import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { WORK_LOG_KINDS } from '../../../shared/api/worklogs';
import { organizationsInScopeQuery } from '../../api/organizations';
import { type WorkLog, workLogsQuery } from '../../api/worklogs';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { WorkLogCounts } from './WorkLogCounts';
import { VoidWorkLogModal, WorkLogFormModal } from './WorkLogFormModal';

const FILTERS = ['organization', 'kind', 'from', 'to'] as const;

/** /worklogs — 工作日志: the log book in scope with its filters, writing and correcting, the monthly count. */
export function WorkLogsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<WorkLog | 'new' | null>(null);
  const [voiding, setVoiding] = useState<WorkLog | null>(null);
  const filter = Object.fromEntries(
    FILTERS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
  );
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const organizations = useQuery(organizationsInScopeQuery());
  const logs = useInfiniteQuery({ ...workLogsQuery(filter), placeholderData: keepPreviousData });
  const rows = logs.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = hasPermission(me, 'worklog.write');

  const list = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          value={filter.organization}
          placeholder={t('worklogs.allOrganizations')}
          onChange={(v) => setFilter('organization', v)}
          aria-label={t('worklogs.organization')}
          style={{ width: 240, maxWidth: '100%' }}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select<string>
          value={filter.kind ?? ''}
          onChange={(v) => setFilter('kind', v)}
          aria-label={t('worklogs.kind')}
          style={{ width: 140, maxWidth: '100%' }}
          options={[
            { value: '', label: t('worklogs.allKinds') },
            ...WORK_LOG_KINDS.map((k) => ({ value: k, label: t(`worklogs.kind.${k}`) })),
          ]}
        />
        <Input
          type="date"
          value={filter.from ?? ''}
          onChange={(e) => setFilter('from', e.target.value)}
          aria-label={t('worklogs.from')}
          style={{ width: 160 }}
        />
        <Input
          type="date"
          value={filter.to ?? ''}
          onChange={(e) => setFilter('to', e.target.value)}
          aria-label={t('worklogs.to')}
          style={{ width: 160 }}
        />
      </Flex>
      {logs.isError ? (
        <QueryError error={logs.error} onRetry={() => void logs.refetch()} />
      ) : (
        <>
          <ResponsiveTable<WorkLog>
            rowKey="id"
            size="small"
            loading={logs.isPending || logs.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('worklogs.empty') }}
            columns={[
              { title: t('worklogs.loggedOn'), dataIndex: 'loggedOn' },
              { title: t('worklogs.organization'), dataIndex: 'organizationName' },
              {
                title: t('worklogs.kind'),
                dataIndex: 'kind',
                render: (kind: WorkLog['kind'], log) => (
                  <Space size={4}>
                    <Tag>{t(`worklogs.kind.${kind}`)}</Tag>
                    {log.voided && <Tag color="default">{t('worklogs.voided')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('worklogs.content'),
                dataIndex: 'content',
                render: (content: string, log) => (
                  <Typography.Text delete={log.voided} style={{ whiteSpace: 'pre-wrap' }}>
                    {content}
                  </Typography.Text>
                ),
              },
              { title: t('worklogs.author'), dataIndex: 'authorName' },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, log) =>
                  log.editable ? (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(log)}>
                        {t('worklogs.edit')}
                      </Button>
                      <Button size="small" danger onClick={() => setVoiding(log)}>
                        {t('worklogs.void')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={logs.hasNextPage}
            loading={logs.isFetchingNextPage}
            onLoadMore={() => void logs.fetchNextPage()}
          />
        </>
      )}
    </>
  );

  return (
    <Card
      title={t('nav.worklogs')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="new-worklog">
            {t('worklogs.new')}
          </Button>
        )
      }
      data-testid="worklogs-page"
    >
      <Tabs
        items={[
          { key: 'logs', label: t('worklogs.logs'), children: list },
          { key: 'counts', label: t('worklogs.counts'), children: <WorkLogCounts /> },
        ]}
      />
      {editing && (
        <WorkLogFormModal log={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {voiding && <VoidWorkLogModal log={voiding} onClose={() => setVoiding(null)} />}
    </Card>
  );
}
