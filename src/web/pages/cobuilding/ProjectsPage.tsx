import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  cobuildingKeys,
  createProject,
  followUp,
  PROJECT_STATUSES,
  type Project,
  type ProjectInput,
  projectCoverageQuery,
  projectsQuery,
  type UncoveredEnterprise,
} from '../../api/cobuilding';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** /projects — 大项目: projects settled in the district and how far organizations cover their enterprises. */
export function ProjectsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useQuery(projectsQuery(status));
  const canWrite = hasPermission(me, 'cobuilding.write');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <CoverageCard canWrite={canWrite} />
      <Card
        title={t('cob.projects')}
        extra={
          <Space>
            <Select
              aria-label={t('cob.statusFilter')}
              value={status}
              onChange={setStatus}
              style={{ width: 140 }}
              options={[
                { value: '', label: t('cob.allStatuses') },
                ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`cob.status.${s}`) })),
              ]}
            />
            {canWrite && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="new-project">
                {t('cob.newProject')}
              </Button>
            )}
          </Space>
        }
        data-testid="projects-page"
      >
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<Project>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50 }}
            locale={{ emptyText: t('cob.noProjects') }}
            columns={[
              { title: t('cob.name'), dataIndex: 'name' },
              { title: t('cob.region'), dataIndex: 'regionName' },
              { title: t('cob.site'), dataIndex: 'site' },
              { title: t('cob.startedOn'), dataIndex: 'startedOn' },
              {
                title: t('cob.status'),
                dataIndex: 'status',
                render: (s: Project['status']) => t(`cob.status.${s}`),
              },
              { title: t('cob.enterprises'), dataIndex: 'enterprises', align: 'right' },
              { title: t('cob.covered'), dataIndex: 'coveredEnterprises', align: 'right' },
              { title: t('cob.organizations'), dataIndex: 'organizations', align: 'right' },
            ]}
          />
        )}
      </Card>
      {creating && <NewProjectModal onClose={() => setCreating(false)} />}
    </Space>
  );
}

function CoverageCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const coverage = useQuery(projectCoverageQuery());
  const follow = useMutation({
    mutationFn: (e: UncoveredEnterprise) => followUp(e.projectId, e.enterpriseId),
    onSuccess: (result) => {
      void message.success(t('cob.followedUp', { number: result.number }));
      return client.invalidateQueries({ queryKey: cobuildingKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (coverage.isError) return <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const data = coverage.data;
  return (
    <Card title={t('cob.coverage')} loading={coverage.isPending} data-testid="project-coverage">
      {data && (
        <>
          <Space size="large" wrap>
            <Statistic title={t('cob.projects')} value={data.projects} />
            <Statistic title={t('cob.enterprises')} value={data.enterprises} />
            <Statistic title={t('cob.covered')} value={data.coveredEnterprises} />
            <Statistic title={t('cob.organizations')} value={data.organizations} />
            <Statistic
              title={t('cob.coveragePercent')}
              value={data.percent ?? '—'}
              suffix={data.percent === null ? '' : '%'}
            />
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cob.uncovered')}
          </Typography.Title>
          <ResponsiveTable<UncoveredEnterprise>
            rowKey={(e) => `${e.projectId}/${e.enterpriseId}`}
            size="small"
            dataSource={data.uncovered}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: t('cob.noUncovered') }}
            columns={[
              { title: t('cob.project'), dataIndex: 'projectName' },
              { title: t('cob.enterprise'), dataIndex: 'name' },
              {
                title: t('cob.followUpOrder'),
                dataIndex: 'followUpOrderNumber',
                render: (number: string | null, e) =>
                  number ? (
                    <Link to={`/work-orders/${e.followUpOrderId}`}>{number}</Link>
                  ) : (
                    canWrite && (
                      <Button
                        size="small"
                        loading={follow.isPending && follow.variables?.enterpriseId === e.enterpriseId}
                        onClick={() => follow.mutate(e)}
                      >
                        {t('cob.followUp')}
                      </Button>
                    )
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

type Values = Omit<ProjectInput, 'startedOn'> & { startedOn: Dayjs };
const FIELDS = ['regionCode', 'name', 'site', 'startedOn', 'status', 'note'] as const;

function NewProjectModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: createProject,
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <FormModal<Values>
      title={t('cob.newProject')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      initialValues={{ status: 'signed' }}
      onFinish={(v) =>
        run(mutation, { ...v, startedOn: v.startedOn.format('YYYY-MM-DD') }, () => t('cob.projectCreated'))
      }
      onClose={onClose}
    >
      <Form.Item name="regionCode" label={t('cob.regionCode')} rules={[{ required: true }]}>
        <Input placeholder="230108001" />
      </Form.Item>
      <Form.Item name="name" label={t('cob.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="site" label={t('cob.site')}>
        <Input />
      </Form.Item>
      <Form.Item name="startedOn" label={t('cob.startedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="status" label={t('cob.status')}>
        <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`cob.status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('cob.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
