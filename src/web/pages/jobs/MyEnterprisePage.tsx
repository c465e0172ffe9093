import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
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
      {linked && (
        // The enterprise's name on a line of its own: beside the card's button a phone cut it off.
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="my-enterprise-name">
          {enterprises.data!.items.map((e) => e.enterpriseName).join('、')}
        </Typography.Title>
      )}
      <Card
        title={t('jobs.myJobs')}
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
          locale={{ emptyText: t('jobs.noMyJobs') }}
          pagination={{ pageSize: 20 }}
          onRow={() => ({ 'data-testid': 'my-job' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('jobs.title'), dataIndex: 'title' },
            {
              title: t('jobs.filledOfOpenings'),
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
          locale={{ emptyText: t('jobs.noMyRecommendations') }}
          pagination={{ pageSize: 20 }}
          onRow={() => ({ 'data-testid': 'my-recommendation' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('jobs.seeker'), dataIndex: 'seekerName', width: 100 },
            { title: t('jobs.title'), dataIndex: 'jobTitle' },
            {
              title: t('jobs.phone'),
              dataIndex: 'seekerPhone',
              width: 130,
              // A person without a phone in the register: a dash, not an empty cell that looks broken.
              render: (phone: string) => phone || '—',
            },
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
