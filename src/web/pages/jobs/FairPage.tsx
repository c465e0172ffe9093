import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, List, Select, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  type FairDetail,
  fairKeys,
  fairQuery,
  jobsQuery,
  registerFairEnterprise,
  registerFairSeeker,
  seekersQuery,
  setFairStatus,
} from '../../api/jobs';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** A fair's page: who attends, the jobs brought, the registered seekers that fit each job best, results. */
export function FairPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const canManage = hasPermission(me, 'job.manage');
  const fair = useQuery(fairQuery(id));
  const d = fair.data;
  return (
    <Card title={d ? `${d.fair.title}（${t(`fairs.kinds.${d.fair.kind}`)}）` : t('fairs.title')}>
      {fair.error && <QueryError error={fair.error} onRetry={() => fair.refetch()} />}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('fairs.place')}>{d.fair.place}</Descriptions.Item>
            <Descriptions.Item label={t('fairs.region')}>{d.fair.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('fairs.when')}>
              {new Date(d.fair.startsAt).toLocaleString()} – {new Date(d.fair.endsAt).toLocaleString()}
            </Descriptions.Item>
            <Descriptions.Item label={t('fairs.status')}>
              <Tag>{t(`fairs.statuses.${d.fair.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Space size="large">
            <Statistic title={t('fairs.results.recommendations')} value={d.results.recommendations} />
            <Statistic title={t('fairs.results.interviews')} value={d.results.interviews} />
            <Statistic title={t('fairs.results.hires')} value={d.results.hires} />
          </Space>
          {canManage && <FairActions detail={d} />}
          {d.enterprises.length === 0 && <Empty description={t('fairs.noEnterprises')} />}
          {d.enterprises.map((e) => (
            <Card key={e.enterpriseId} size="small" title={e.enterpriseName}>
              <List
                dataSource={e.jobs}
                locale={{ emptyText: t('fairs.noJobs') }}
                renderItem={({ job, topSeekers }) => (
                  <List.Item>
                    <List.Item.Meta
                      title={job.title}
                      description={
                        topSeekers.length === 0
                          ? t('fairs.noTopSeekers')
                          : topSeekers.map((s) => (
                              <Tag key={s.seekerId} color={s.recommendation ? 'green' : undefined}>
                                {s.name} · {s.score}
                              </Tag>
                            ))
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          ))}
          <Card size="small" title={`${t('fairs.seekers')}（${d.seekers.length}）`}>
            {d.seekers.map((s) => (
              <Tag key={s.id}>{s.name}</Tag>
            ))}
          </Card>
        </Space>
      )}
    </Card>
  );
}

function FairActions({ detail }: { detail: FairDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [job, setJob] = useState<string>();
  const [seeker, setSeeker] = useState<string>();
  const jobs = useQuery(jobsQuery('open'));
  const seekers = useQuery(seekersQuery);
  const id = detail.fair.id;
  const done = () => client.invalidateQueries({ queryKey: fairKeys.all });
  const fail = (error: Error) => message.error(error.message);
  const addJob = useMutation({
    mutationFn: (jobId: string) => {
      const found = jobs.data?.items.find((j) => j.id === jobId);
      return registerFairEnterprise(id, found?.enterpriseId ?? '', [jobId]);
    },
    onSuccess: done,
    onError: fail,
  });
  const addSeeker = useMutation({
    mutationFn: (seekerId: string) => registerFairSeeker(id, seekerId),
    onSuccess: done,
    onError: fail,
  });
  const status = useMutation({
    mutationFn: (s: 'open' | 'closed' | 'cancelled') => setFairStatus(id, s),
    onSuccess: done,
    onError: fail,
  });
  const open = detail.fair.status === 'planned' || detail.fair.status === 'open';
  if (!open) return null;
  return (
    <Space wrap>
      <Select
        style={{ minWidth: 240 }}
        aria-label={t('fairs.addJob')}
        placeholder={t('fairs.addJob')}
        value={job}
        onChange={setJob}
        options={(jobs.data?.items ?? []).map((j) => ({
          value: j.id,
          label: `${j.enterpriseName} · ${j.title}`,
        }))}
      />
      <Button disabled={!job} loading={addJob.isPending} onClick={() => job && addJob.mutate(job)}>
        {t('fairs.addJobButton')}
      </Button>
      <Select
        style={{ minWidth: 200 }}
        aria-label={t('fairs.addSeeker')}
        placeholder={t('fairs.addSeeker')}
        value={seeker}
        onChange={setSeeker}
        options={(seekers.data?.items ?? [])
          .filter((s) => s.status === 'active')
          .map((s) => ({ value: s.id, label: s.name }))}
      />
      <Button
        disabled={!seeker}
        loading={addSeeker.isPending}
        onClick={() => seeker && addSeeker.mutate(seeker)}
      >
        {t('fairs.addSeekerButton')}
      </Button>
      {detail.fair.status === 'planned' && (
        <Button onClick={() => status.mutate('open')}>{t('fairs.open')}</Button>
      )}
      <Button onClick={() => status.mutate('closed')}>{t('fairs.close')}</Button>
    </Space>
  );
}
