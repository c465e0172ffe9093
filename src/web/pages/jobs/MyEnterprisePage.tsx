import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  type Job,
  myEnterprisesQuery,
  myJobsQuery,
  myRecommendationsQuery,
  type Recommendation,
} from '../../api/jobs';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { JobFormModal } from './JobFormModal';
import { yuan } from './MatchReasons';
import { OutcomeActions } from './OutcomeActions';

/** 企业招聘: an enterprise contact's jobs, and the seekers recommended to them with outcome buttons. */
export function MyEnterprisePage() {
  const { t } = useI18n();
  const [posting, setPosting] = useState(false);
  const enterprises = useQuery(myEnterprisesQuery);
  const jobs = useQuery(myJobsQuery);
  const recommendations = useQuery(myRecommendationsQuery);
  const linked = (enterprises.data?.items.length ?? 0) > 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {enterprises.error && <QueryError error={enterprises.error} onRetry={() => enterprises.refetch()} />}
      {enterprises.data && !linked && <Alert type="info" title={t('jobs.notLinked')} />}
      <Card
        title={`${t('jobs.myJobs')}${linked ? ` · ${enterprises.data!.items.map((e) => e.enterpriseName).join('、')}` : ''}`}
        extra={
          linked && (
            <Button type="primary" onClick={() => setPosting(true)} data-testid="new-job">
              {t('jobs.new')}
            </Button>
          )
        }
      >
        <ResponsiveTable<Job>
          rowKey="id"
          size="small"
          loading={jobs.isLoading}
          dataSource={jobs.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('jobs.title'), dataIndex: 'title' },
            {
              title: t('jobs.openings'),
              dataIndex: 'openings',
              width: 90,
              render: (openings: number, j) => `${j.filled}/${openings}`,
            },
            {
              title: t('jobs.salary'),
              dataIndex: 'salaryMinFen',
              width: 130,
              render: (min: number, j) => `${yuan(min)}–${yuan(j.salaryMaxFen)}`,
            },
            { title: t('jobs.validUntil'), dataIndex: 'validUntil', width: 110 },
            {
              title: t('jobs.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: Job['status'], j) => (
                <Tag>{j.expired ? t('jobs.expired') : t(`jobs.status.${s}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('jobs.myRecommendations')}>
        <ResponsiveTable<Recommendation>
          rowKey="id"
          size="small"
          loading={recommendations.isLoading}
          dataSource={recommendations.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          onRow={() => ({ 'data-testid': 'my-recommendation' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('jobs.seeker'), dataIndex: 'seekerName', width: 100 },
            { title: t('jobs.title'), dataIndex: 'jobTitle' },
            { title: t('jobs.phone'), dataIndex: 'seekerPhone', width: 130 },
            {
              title: t('jobs.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: Recommendation['status']) => (
                <Tag data-testid="rec-status">{t(`jobs.rec.${s}`)}</Tag>
              ),
            },
            {
              title: t('jobs.interviewAt'),
              dataIndex: 'interviewAt',
              width: 170,
              render: (at: string | null) => (at ? formatTime(at) : ''),
            },
            {
              title: t('common.actions'),
              dataIndex: 'id',
              render: (_: string, r) => <OutcomeActions rec={r} asEnterprise />,
            },
          ]}
        />
      </Card>
      {posting && <JobFormModal asContact onClose={() => setPosting(false)} />}
    </Space>
  );
}
