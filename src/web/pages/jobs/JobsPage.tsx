import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { SEEKER_GROUPS } from '../../../shared/api/jobs';
import {
  type Candidate,
  candidatesQuery,
  type Job,
  jobKeys,
  jobsQuery,
  type Seeker,
  seekersQuery,
  setSmsOptOut,
} from '../../api/jobs';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { JobFormModal } from './JobFormModal';
import { GroupTags, yuan } from './MatchReasons';
import { SeekerFormModal } from './SeekerFormModal';

/** 就业服务: jobs in scope, registered seekers, and candidates found from the register. */
export function JobsPage() {
  const { t } = useI18n();
  const me = useMe();
  const canManage = hasPermission(me, 'job.manage');
  const [all, setAll] = useState(false);
  const [group, setGroup] = useState('');
  const [creating, setCreating] = useState<'job' | { personId?: string } | null>(null);
  const jobs = useQuery(jobsQuery(all ? 'all' : 'open'));
  const seekers = useQuery(seekersQuery);
  const candidates = useQuery(candidatesQuery(group));
  const client = useQueryClient();
  // 退订岗位短信: switched by the case worker at the seeker's request (audited on the server).
  const optOutMutation = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => setSmsOptOut(id, on),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.seekers }),
  });

  const jobTable = (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={all} onChange={setAll} size="small" aria-label={t('jobs.showAll')} />
        {t('jobs.showAll')}
      </Space>
      <ResponsiveTable<Job>
        rowKey="id"
        size="small"
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        {...(all ? {} : { locale: { emptyText: t('jobs.noJobs') } })}
        pagination={{ pageSize: 20 }}
        onRow={() => ({ 'data-testid': 'job-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('jobs.title'),
            dataIndex: 'title',
            render: (title: string, j) => (
              <Link to={`/jobs/${j.id}`} data-testid="job-link">
                {title}
              </Link>
            ),
          },
          { title: t('jobs.enterprise'), dataIndex: 'enterpriseName' },
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
          {
            title: t('jobs.skills'),
            dataIndex: 'skills',
            render: (skills: string[]) => skills.map((s) => <Tag key={s}>{s}</Tag>),
          },
          {
            title: t('jobs.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: Job['status'], j) => (
              <Space size={4} wrap>
                <Tag>{j.expired ? t('jobs.expired') : t(`jobs.status.${status}`)}</Tag>
                {j.publicService && <Tag color="gold">{t('jobs.publicService')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
  const seekerTable = (
    <ResponsiveTable<Seeker>
      rowKey="id"
      size="small"
      loading={seekers.isLoading}
      dataSource={seekers.data?.items ?? []}
      locale={{ emptyText: t('jobs.noSeekers') }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('jobs.name'), dataIndex: 'name', width: 100 },
        { title: t('jobs.age'), dataIndex: 'age', width: 70 },
        {
          title: t('jobs.groups'),
          dataIndex: 'groups',
          render: (g: Seeker['groups']) => <GroupTags groups={g} />,
        },
        {
          title: t('jobs.seekerSkills'),
          dataIndex: 'skills',
          render: (skills: string[]) => skills.map((s) => <Tag key={s}>{s}</Tag>),
        },
        {
          title: t('jobs.status'),
          dataIndex: 'status',
          width: 130,
          render: (status: Seeker['status'], s) => (
            <Space size={4} wrap>
              <Tag>{t(`jobs.seekerStatus.${status}`)}</Tag>
              {s.flagged && <Tag color="red">{t('jobs.flagged')}</Tag>}
            </Space>
          ),
        },
        { title: t('jobs.caseWorker'), dataIndex: 'caseWorkerName', width: 110 },
        {
          title: t('jobs.smsOptOut'),
          dataIndex: 'smsOptOut',
          width: 110,
          render: (optOut: boolean, s) => (
            <Switch
              size="small"
              checked={optOut}
              disabled={!canManage}
              aria-label={`${t('jobs.smsOptOut')} ${s.name}`}
              onChange={(on) => optOutMutation.mutate({ id: s.id, on })}
            />
          ),
        },
      ]}
    />
  );
  const candidateTable = (
    <>
      <Typography.Paragraph type="secondary">{t('jobs.candidatesNote')}</Typography.Paragraph>
      <Select
        value={group}
        onChange={setGroup}
        style={{ width: 200, marginBottom: 12 }}
        aria-label={t('jobs.groups')}
        data-testid="candidate-group"
        options={[
          { value: '', label: t('jobs.groups') },
          ...SEEKER_GROUPS.map((g) => ({ value: g, label: t(`jobs.group.${g}`) })),
        ]}
      />
      <ResponsiveTable<Candidate>
        rowKey="personId"
        size="small"
        loading={candidates.isLoading}
        dataSource={candidates.data?.items ?? []}
        locale={{ emptyText: t('jobs.noCandidates') }}
        pagination={{ pageSize: 20 }}
        onRow={() => ({ 'data-testid': 'candidate-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('jobs.name'), dataIndex: 'name', width: 100 },
          { title: t('jobs.age'), dataIndex: 'age', width: 70 },
          {
            title: t('jobs.groups'),
            dataIndex: 'groups',
            render: (g: Candidate['groups']) => <GroupTags groups={g} />,
          },
          { title: t('jobs.phone'), dataIndex: 'phone', width: 130 },
          {
            title: t('common.actions'),
            dataIndex: 'seekerId',
            width: 120,
            render: (seekerId: string | null, c) =>
              seekerId ? (
                <Tag color="green">{t('jobs.alreadyRegistered')}</Tag>
              ) : canManage ? (
                <Button
                  size="small"
                  data-testid="register-candidate"
                  onClick={() => setCreating({ personId: c.personId })}
                >
                  {t('jobs.register')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );

  return (
    <Card
      title={t('nav.jobs')}
      extra={
        canManage && (
          <Space wrap>
            <Button onClick={() => setCreating({})} data-testid="new-seeker">
              {t('jobs.register')}
            </Button>
            <Button type="primary" onClick={() => setCreating('job')} data-testid="new-job">
              {t('jobs.new')}
            </Button>
          </Space>
        )
      }
    >
      {jobs.error && <QueryError error={jobs.error} onRetry={() => jobs.refetch()} />}
      <Tabs
        items={[
          { key: 'jobs', label: t('jobs.tabs.jobs'), children: jobTable },
          { key: 'seekers', label: t('jobs.tabs.seekers'), children: seekerTable },
          { key: 'candidates', label: t('jobs.tabs.candidates'), children: candidateTable },
        ]}
      />
      {creating === 'job' && <JobFormModal asContact={false} onClose={() => setCreating(null)} />}
      {creating !== null && creating !== 'job' && (
        <SeekerFormModal personId={creating.personId} onClose={() => setCreating(null)} />
      )}
    </Card>
  );
}
