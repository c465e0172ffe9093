import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { importJobQuery } from '../../api/imports';
import { FigureProgress } from '../../components/FigureProgress';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportOutcome } from './ImportOutcome';
import type { ImportKind } from './import-kind';

interface Props {
  id: string;
  kind: ImportKind;
  /** Where the outcome's button leads (the imported data). */
  home: string;
}

/** One import: its progress while it runs (polled every second), then the outcome. */
export function ImportJobCard({ id, kind, home }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const job = useQuery(importJobQuery(id));
  const status = job.data?.status;
  const card = useRef<HTMLDivElement>(null);

  // The job appears below the form: bring it, and later its outcome, into view.
  useEffect(() => {
    if (status) card.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [status]);

  // Once it has finished, what it wrote shows everywhere.
  useEffect(() => {
    if (!status || status === 'running') return;
    for (const queryKey of kind.invalidates) void queryClient.invalidateQueries({ queryKey });
  }, [status, queryClient, kind]);

  return (
    <Card ref={card} title={job.data?.fileName} style={{ marginTop: 16 }} data-testid="import-job">
      {job.isPending && <Spin />}
      {job.isError && <QueryError error={job.error} onRetry={() => void job.refetch()} />}
      {job.data?.status === 'running' && (
        <Flex vertical gap={8} data-testid="import-running">
          <Typography.Text>{t('imports.running', { file: job.data.fileName })}</Typography.Text>
          <FigureProgress
            label={t('imports.running', { file: job.data.fileName })}
            percent={Math.round(job.data.progress * 100)}
            status="active"
          />
          <Typography.Text type="secondary">
            {t('imports.progressRows', { rows: job.data.totalRows })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(kind.leaveHint)}
          </Typography.Text>
        </Flex>
      )}
      {job.data && job.data.status !== 'running' && (
        <>
          {job.data.message && job.data.status !== 'failed' && (
            <Alert type="warning" showIcon title={job.data.message} style={{ marginBottom: 8 }} />
          )}
          <ImportOutcome job={job.data} kind={kind} home={home} />
        </>
      )}
    </Card>
  );
}
