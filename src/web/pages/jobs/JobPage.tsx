import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useParams } from 'react-router';
import {
  closeJob,
  jobKeys,
  jobQuery,
  jobRecommendationsQuery,
  matchesQuery,
  type Recommendation,
  recommend,
  type SeekerMatch,
} from '../../api/jobs';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { GroupTags, MatchReasons, yuan } from './MatchReasons';
import { OutcomeActions } from './OutcomeActions';

/** One job: its particulars, the seekers ranked for it with their reasons, and its recommendations. */
export function JobPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = hasPermission(me, 'job.manage');
  const job = useQuery(jobQuery(id));
  const matches = useQuery(matchesQuery(id));
  const recommendations = useQuery(jobRecommendationsQuery(id));
  const changed = () => client.invalidateQueries({ queryKey: jobKeys.all });
  const recommending = useMutation({
    mutationFn: (seekerId: string) => recommend({ jobId: id, seekerId }),
    onSuccess: async () => {
      void message.success(t('jobs.recommendedOk'));
      await changed();
    },
    onError: (error) => void message.error(error.message),
  });
  const closing = useMutation({ mutationFn: () => closeJob(id), onSuccess: changed });

  if (job.error) return <QueryError error={job.error} onRetry={() => job.refetch()} />;
  const j = job.data;
  const open = j !== undefined && j.status === 'open' && !j.expired;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        loading={job.isLoading}
        title={j?.title}
        extra={
          canManage &&
          open && (
            <Button danger size="small" onClick={() => closing.mutate()} loading={closing.isPending}>
              {t('jobs.close')}
            </Button>
          )
        }
      >
        {j && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('jobs.enterprise')}>{j.enterpriseName}</Descriptions.Item>
            <Descriptions.Item
              label={t('jobs.filledOfOpenings')}
            >{`${j.filled}/${j.openings}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('jobs.salary')}
            >{`${yuan(j.salaryMinFen)}–${yuan(j.salaryMaxFen)}`}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.education')}>{t(`jobs.edu.${j.education}`)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.place')}>{j.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.validUntil')}>{j.validUntil}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.skills')}>
              {j.skills.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobs.status')}>
              {j.expired ? t('jobs.expired') : t(`jobs.status.${j.status}`)}
              {j.publicService && (
                <Tag color="gold" style={{ marginLeft: 8 }}>
                  {t('jobs.publicService')}
                </Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={t('jobs.matches')} size="small">
        {matches.error && <QueryError error={matches.error} onRetry={() => matches.refetch()} />}
        <ResponsiveTable<SeekerMatch>
          rowKey={(m) => m.seeker.id}
          size="small"
          loading={matches.isLoading}
          dataSource={matches.data?.items ?? []}
          locale={{ emptyText: t('jobs.noMatches') }}
          pagination={false}
          onRow={() => ({ 'data-testid': 'match-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('jobs.name'), dataIndex: ['seeker', 'name'], width: 100 },
            { title: t('jobs.score'), dataIndex: 'score', width: 70 },
            {
              title: t('jobs.groups'),
              dataIndex: ['seeker', 'groups'],
              render: (groups: SeekerMatch['seeker']['groups']) => <GroupTags groups={groups} />,
            },
            {
              title: t('jobs.reasons'),
              dataIndex: 'reasons',
              render: (reasons: SeekerMatch['reasons']) => <MatchReasons reasons={reasons} />,
            },
            {
              title: t('common.actions'),
              dataIndex: 'recommendation',
              width: 110,
              render: (status: SeekerMatch['recommendation'], m) =>
                status ? (
                  <Tag>{t(`jobs.rec.${status}`)}</Tag>
                ) : canManage && open ? (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="recommend"
                    loading={recommending.isPending && recommending.variables === m.seeker.id}
                    onClick={() => recommending.mutate(m.seeker.id)}
                  >
                    {t('jobs.recommend')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('jobs.recommendations')} size="small">
        <ResponsiveTable<Recommendation>
          rowKey="id"
          size="small"
          loading={recommendations.isLoading}
          dataSource={recommendations.data?.items ?? []}
          locale={{ emptyText: t('jobs.noRecommendations') }}
          pagination={false}
          columns={[
            { title: t('jobs.seeker'), dataIndex: 'seekerName', width: 100 },
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
              render: (_: string, r) => (canManage ? <OutcomeActions rec={r} asEnterprise={false} /> : null),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
