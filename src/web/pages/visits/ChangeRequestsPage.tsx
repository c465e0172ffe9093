import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Table, Typography } from 'antd';
import { changesQuery, decideChange, visitKeys } from '../../api/visits';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';

/** /visit-changes — register changes seen on visits, confirmed (applied) or rejected by the community. */
export function ChangeRequestsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const changes = useQuery(changesQuery('pending'));
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'reject' }) =>
      decideChange(id, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  return (
    <Flex vertical gap={12} data-testid="visit-changes">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('visits.changes')}
      </Typography.Title>
      {changes.error && <QueryError error={changes.error} />}
      <Table
        rowKey="id"
        size="small"
        loading={changes.isLoading}
        dataSource={changes.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('visits.noChanges')} /> }}
        scroll={{ x: true }}
        columns={[
          { title: t('visits.household'), dataIndex: 'personName' },
          {
            title: t('visits.rule'),
            dataIndex: 'kind',
            render: (kind: 'moved_out' | 'new_phone' | 'death' | 'new_tag') => t(`visits.change.${kind}`),
          },
          { title: '', dataIndex: 'value' },
          { title: t('visits.notes'), dataIndex: 'note' },
          { title: '', dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
          {
            title: '',
            key: 'decide',
            render: (_: unknown, row: { id: string }) => (
              <Flex gap={8}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => decide.mutate({ id: row.id, decision: 'confirm' })}
                >
                  {t('visits.confirm')}
                </Button>
                <Button size="small" onClick={() => decide.mutate({ id: row.id, decision: 'reject' })}>
                  {t('visits.reject')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
