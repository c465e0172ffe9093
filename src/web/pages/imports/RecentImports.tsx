import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Typography } from 'antd';
import { importsQuery } from '../../api/imports';
import type { ImportJob } from '../../api/types';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { ImportStatusTag } from './ImportStatusTag';

interface Props {
  selected: string | null;
  onSelect: (id: string) => void;
}

/** The jurisdiction's last imports (newest first): come back to one that ran while you were away. */
export function RecentImports({ selected, onSelect }: Props) {
  const { t } = useI18n();
  const jobs = useQuery(importsQuery);
  const countsOf = (job: ImportJob) => {
    if (job.status === 'running') return '';
    const invalid = job.invalid > 0 ? t('imports.countsInvalid', { invalid: job.invalid }) : '';
    if (job.status !== 'succeeded') return invalid;
    return [
      t('imports.countsDone', { created: job.created, updated: job.updated, unchanged: job.unchanged }),
      invalid,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <Card
      title={t('imports.recent')}
      style={{ marginTop: 16 }}
      styles={{ body: { padding: jobs.isError ? undefined : 0 } }}
      data-testid="recent-imports"
    >
      {jobs.isError ? (
        <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <ResponsiveTable<ImportJob>
          rowKey="id"
          size="small"
          loading={jobs.isPending}
          dataSource={jobs.data}
          pagination={false}
          rowClassName={(job) => (job.id === selected ? 'ant-table-row-selected' : '')}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.recentEmpty')} />,
          }}
          columns={[
            {
              title: t('imports.fileName'),
              dataIndex: 'fileName',
              ellipsis: true,
              render: (name: string, job) => (
                <>
                  <div>{name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(job.startedAt)} ·{' '}
                    {job.skipInvalid ? t('imports.modeSkip') : t('imports.modeAll')}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('imports.status'),
              key: 'status',
              width: 200,
              render: (_, job) => (
                <>
                  <ImportStatusTag job={job} />
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {countsOf(job)}
                    </Typography.Text>
                  </div>
                </>
              ),
            },
            {
              key: 'view',
              width: 70,
              render: (_, job) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => onSelect(job.id)}
                  data-testid={`view-import-${job.id}`}
                >
                  {t('imports.view')}
                </Button>
              ),
            },
          ]}
          data-testid="recent-imports-table"
        />
      )}
    </Card>
  );
}
