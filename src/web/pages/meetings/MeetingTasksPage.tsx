import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { MEETING_TASK_STATUSES } from '../../../shared/api/meetings';
import { type MeetingTask, markTaskDone, meetingKeys, meetingTasksQuery } from '../../api/meetings';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** /meetings/tasks — the tasks of missed meetings and of decisions, open ones first by default. */
export function MeetingTasksPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const tasks = useInfiniteQuery({
    ...meetingTasksQuery(status ? { status } : {}),
    placeholderData: keepPreviousData,
  });
  const done = useMutation({
    mutationFn: markTaskDone,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: meetingKeys.all });
      void message.success(t('meetings.task.markedDone'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const rows = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title={t('meetings.tasks')} data-testid="meeting-tasks-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          value={status}
          onChange={(v) => setParams({ status: v }, { replace: true })}
          aria-label={t('meetings.status')}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('meetings.allStatuses') },
            ...MEETING_TASK_STATUSES.map((s) => ({ value: s, label: t(`meetings.task.status.${s}`) })),
          ]}
        />
      </Flex>
      {tasks.isError ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <>
          <ResponsiveTable<MeetingTask>
            rowKey="id"
            size="small"
            loading={tasks.isPending || tasks.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('meetings.tasksEmpty') }}
            columns={[
              {
                title: t('meetings.task.title'),
                dataIndex: 'title',
                render: (title: string, task) =>
                  task.meetingId ? <Link to={`/meetings/${task.meetingId}`}>{title}</Link> : title,
              },
              { title: t('meetings.organization'), dataIndex: 'organizationName' },
              {
                title: t('meetings.task.source'),
                dataIndex: 'source',
                render: (source: MeetingTask['source']) => (
                  <Tag color={source === 'missed_meeting' ? 'red' : 'blue'}>
                    {t(`meetings.task.source.${source}`)}
                  </Tag>
                ),
              },
              {
                title: t('meetings.task.owner'),
                dataIndex: 'ownerName',
                render: (n: string | null) => n ?? '—',
              },
              { title: t('meetings.dueOn'), dataIndex: 'dueOn' },
              {
                title: t('meetings.status'),
                dataIndex: 'status',
                render: (s: MeetingTask['status'], task) =>
                  s === 'open' && hasPermission(me, 'meeting.write') ? (
                    <Button size="small" loading={done.isPending} onClick={() => done.mutate(task.id)}>
                      {t('meetings.task.done')}
                    </Button>
                  ) : (
                    <Tag color={s === 'done' ? 'green' : undefined}>{t(`meetings.task.status.${s}`)}</Tag>
                  ),
              },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={tasks.hasNextPage}
            loading={tasks.isFetchingNextPage}
            onLoadMore={() => void tasks.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
