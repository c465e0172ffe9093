import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { SAMPLE_STATUSES } from '../../../shared/api/surveys';
import { type SampleRow, type SurveyDetail, sampleQuery } from '../../api/surveys';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { InterviewModal } from './InterviewModal';

type Stratum = SurveyDetail['strata'][number];

/** The strata with their quotas and reserves, and the sample row by row with the phone interviews. */
export function SampleTab({ survey }: { survey: SurveyDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const [status, setStatus] = useState('');
  const [calling, setCalling] = useState<SampleRow | null>(null);
  const sample = useInfiniteQuery({ ...sampleQuery(survey.id, status), placeholderData: keepPreviousData });
  const rows = sample.data?.pages.flatMap((p) => p.items) ?? [];
  if (survey.status === 'draft') return <Empty description={t('surveys.sample.empty')} />;
  const names = new Map(survey.strata.map((s) => [s.regionCode, s.regionName]));
  const canCall = hasPermission(me, 'survey.write') && survey.status === 'open';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('surveys.strata')}</Typography.Title>
      <Table<Stratum>
        rowKey="regionCode"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={survey.strata}
        data-testid="survey-strata"
        columns={[
          { title: t('surveys.stratum'), dataIndex: 'regionName' },
          { title: t('surveys.population'), dataIndex: 'population' },
          { title: t('surveys.quota'), dataIndex: 'quota' },
          { title: t('surveys.reserves'), dataIndex: 'reserves' },
          { title: t('surveys.reservesUsed'), dataIndex: 'reservesUsed' },
          { title: t('surveys.answered'), dataIndex: 'answered' },
        ]}
        summary={(data) => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>Σ</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{data.reduce((a, s) => a + s.population, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{data.reduce((a, s) => a + s.quota, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{data.reduce((a, s) => a + s.reserves, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4}>{data.reduce((a, s) => a + s.reservesUsed, 0)}</Table.Summary.Cell>
            <Table.Summary.Cell index={5}>{data.reduce((a, s) => a + s.answered, 0)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {survey.capped > 0 && (
        <Typography.Text type="secondary">{t('surveys.capped', { n: survey.capped })}</Typography.Text>
      )}
      <Select<string>
        value={status}
        onChange={setStatus}
        aria-label={t('surveys.sample.status')}
        style={{ width: 180, maxWidth: '100%' }}
        options={[
          { value: '', label: t('surveys.allStatuses') },
          ...SAMPLE_STATUSES.map((s) => ({ value: s, label: t(`surveys.sample.status.${s}`) })),
        ]}
      />
      {sample.isError ? (
        <QueryError error={sample.error} onRetry={() => void sample.refetch()} />
      ) : (
        <>
          <ResponsiveTable<SampleRow>
            rowKey="id"
            size="small"
            loading={sample.isPending || sample.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            onRow={() => ({ 'data-testid': 'sample-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('surveys.stratum'),
                dataIndex: 'stratumCode',
                render: (code: string) => names.get(code) ?? code,
              },
              {
                title: t('surveys.sample.position'),
                dataIndex: 'position',
                render: (n: number, r) => (
                  <>
                    {n}
                    {r.reserve && <Tag style={{ marginInlineStart: 6 }}>{t('surveys.sample.reserve')}</Tag>}
                  </>
                ),
              },
              {
                title: t('surveys.sample.name'),
                dataIndex: 'name',
                render: (name: string, r) =>
                  r.workOrderId ? (
                    <>
                      {name} · <Link to={`/work-orders/${r.workOrderId}`}>{r.workOrderNumber}</Link>
                    </>
                  ) : (
                    name
                  ),
              },
              {
                title: t('surveys.sample.phone'),
                dataIndex: 'phone',
                render: (p: string | null) => p ?? '—',
              },
              {
                title: t('surveys.sample.status'),
                dataIndex: 'status',
                render: (s: SampleRow['status'], r) => (
                  <>
                    {t(`surveys.sample.status.${s}`)}
                    {r.outcomeOn && ` · ${r.outcomeOn}`}
                    {r.texted && <Tag style={{ marginInlineStart: 6 }}>{t('surveys.sample.texted')}</Tag>}
                  </>
                ),
              },
              ...(canCall
                ? [
                    {
                      title: '',
                      key: 'call',
                      render: (_: unknown, r: SampleRow) =>
                        r.status === 'waiting' && (
                          <Button size="small" onClick={() => setCalling(r)} data-testid="sample-record">
                            {t('surveys.record')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={sample.hasNextPage}
            loading={sample.isFetchingNextPage}
            onLoadMore={() => void sample.fetchNextPage()}
          />
        </>
      )}
      {calling && (
        <InterviewModal row={calling} questions={survey.questions} onClose={() => setCalling(null)} />
      )}
    </Space>
  );
}
