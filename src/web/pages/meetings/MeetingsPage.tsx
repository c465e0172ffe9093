import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEETING_STATUSES, MEETING_TYPES } from '../../../shared/api/meetings';
import { type MeetingSummary, meetingsQuery } from '../../api/meetings';
import { organizationsInScopeQuery } from '../../api/organizations';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { statusColor } from './meeting-colors';

/** /meetings — 三会一课 in scope, newest first, filtered by organization, type and status. */
export function MeetingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(
    ['organization', 'type', 'status'].flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
  );
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const organizations = useQuery(organizationsInScopeQuery());
  const meetings = useInfiniteQuery({ ...meetingsQuery(filter), placeholderData: keepPreviousData });
  const rows = meetings.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('nav.meetings')}
      extra={
        <Space wrap>
          <Link to="/meetings/compliance" data-testid="meetings-compliance-link">
            {t('meetings.compliance')}
          </Link>
          <Link to="/meetings/tasks" data-testid="meetings-tasks-link">
            {t('meetings.tasks')}
          </Link>
          {hasPermission(me, 'meeting.write') && (
            <Button
              type="primary"
              onClick={() =>
                void navigate(
                  filter.organization ? `/meetings/new?organization=${filter.organization}` : '/meetings/new',
                )
              }
              data-testid="new-meeting"
            >
              {t('meetings.new')}
            </Button>
          )}
        </Space>
      }
      data-testid="meetings-page"
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          value={filter.organization}
          placeholder={t('meetings.allOrganizations')}
          onChange={(v) => setFilter('organization', v)}
          aria-label={t('meetings.organization')}
          style={{ width: 240, maxWidth: '100%' }}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select<string>
          value={filter.type ?? ''}
          onChange={(v) => setFilter('type', v)}
          aria-label={t('meetings.type')}
          style={{ width: 140, maxWidth: '100%' }}
          options={[
            { value: '', label: t('meetings.allTypes') },
            ...MEETING_TYPES.map((x) => ({ value: x, label: t(`meetings.type.${x}`) })),
          ]}
        />
        <Select<string>
          value={filter.status ?? ''}
          onChange={(v) => setFilter('status', v)}
          aria-label={t('meetings.status')}
          style={{ width: 140, maxWidth: '100%' }}
          options={[
            { value: '', label: t('meetings.allStatuses') },
            ...MEETING_STATUSES.map((x) => ({ value: x, label: t(`meetings.status.${x}`) })),
          ]}
        />
      </Flex>
      {meetings.isError ? (
        <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : (
        <>
          <ResponsiveTable<MeetingSummary>
            rowKey="id"
            size="small"
            loading={meetings.isPending || meetings.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('meetings.empty') }}
            columns={[
              {
                title: t('meetings.topic'),
                dataIndex: 'topic',
                render: (topic: string, m) => (
                  <Link to={`/meetings/${m.id}`} data-testid="meeting-link">
                    {topic}
                  </Link>
                ),
              },
              { title: t('meetings.organization'), dataIndex: 'organizationName' },
              {
                title: t('meetings.type'),
                dataIndex: 'type',
                render: (type: MeetingSummary['type']) => t(`meetings.type.${type}`),
              },
              {
                title: t('meetings.heldOn'),
                dataIndex: 'heldOn',
                render: (held: string | null, m) => held ?? `${t('meetings.plannedOn')} ${m.plannedOn}`,
              },
              {
                title: t('meetings.attendance'),
                key: 'attendance',
                render: (_: unknown, m) => `${m.present}/${m.expected}`,
              },
              {
                title: t('meetings.status'),
                dataIndex: 'status',
                render: (s: MeetingSummary['status']) => (
                  <Tag color={statusColor[s]}>{t(`meetings.status.${s}`)}</Tag>
                ),
              },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={meetings.hasNextPage}
            loading={meetings.isFetchingNextPage}
            onLoadMore={() => void meetings.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
