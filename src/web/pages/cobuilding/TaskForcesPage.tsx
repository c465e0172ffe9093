import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  cobuildingKeys,
  createTaskForce,
  recordResult,
  TASK_FORCE_KINDS,
  type TaskForce,
  taskForceQuery,
  taskForcesQuery,
} from '../../api/cobuilding';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** /task-forces — 临时党组织 and 攻坚队: purpose, period, seconded members and results. */
export function TaskForcesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = useQuery(taskForcesQuery());
  const canWrite = hasPermission(me, 'cobuilding.write');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('cob.taskForces')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-task-force">
              {t('cob.newTaskForce')}
            </Button>
          )
        }
        data-testid="task-forces-page"
      >
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<TaskForce>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50 }}
            locale={{ emptyText: t('cob.noTaskForces') }}
            columns={[
              {
                title: t('cob.name'),
                dataIndex: 'name',
                render: (name: string, f) => (
                  <Button type="link" size="small" onClick={() => setChosen(f.id)}>
                    {name}
                  </Button>
                ),
              },
              {
                title: t('cob.kind'),
                dataIndex: 'kind',
                render: (k: TaskForce['kind']) => t(`cob.forceKind.${k}`),
              },
              { title: t('cob.region'), dataIndex: 'regionName' },
              { title: t('cob.startsOn'), dataIndex: 'startsOn' },
              { title: t('cob.endsOn'), dataIndex: 'endsOn' },
              { title: t('cob.seconded'), dataIndex: 'secondedMembers', align: 'right' },
              { title: t('cob.results'), dataIndex: 'results', align: 'right' },
            ]}
          />
        )}
      </Card>
      {chosen && <TaskForceDetail id={chosen} canWrite={canWrite} />}
      {creating && <NewTaskForceModal onClose={() => setCreating(false)} />}
    </Space>
  );
}

function TaskForceDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useI18n();
  const [recording, setRecording] = useState(false);
  const force = useQuery(taskForceQuery(id));
  if (force.isError) return <QueryError error={force.error} onRetry={() => void force.refetch()} />;
  const data = force.data;
  return (
    <Card
      title={data?.name}
      loading={force.isPending}
      extra={canWrite && <Button onClick={() => setRecording(true)}>{t('cob.newResult')}</Button>}
      data-testid="task-force-detail"
    >
      {data && (
        <>
          <p>{data.purpose}</p>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: t('cob.noSecondments') }}
            dataSource={data.secondments}
            columns={[
              { title: t('cob.secondments'), dataIndex: 'name' },
              { title: t('cob.homeOrganization'), dataIndex: 'homeOrganizationName' },
              { title: t('cob.role'), dataIndex: 'role' },
              {
                title: t('cob.period'),
                dataIndex: 'fromOn',
                render: (from: string, s) => `${from} – ${s.toOn ?? ''}`,
              },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: t('cob.noResults') }}
            dataSource={data.resultList}
            columns={[
              { title: t('cob.onDay'), dataIndex: 'onDay' },
              { title: t('cob.text'), dataIndex: 'text' },
              {
                title: t('cob.results'),
                dataIndex: 'figures',
                render: (figures: TaskForceFigure[]) =>
                  figures.map((f) => `${f.label} ${f.value}${f.unit}`).join('；'),
              },
            ]}
          />
        </>
      )}
      {recording && <ResultModal id={id} onClose={() => setRecording(false)} />}
    </Card>
  );
}

type TaskForceFigure = { label: string; value: number; unit: string };
type ForceValues = {
  regionCode: string;
  name: string;
  kind: TaskForce['kind'];
  purpose: string;
  startsOn: Dayjs;
  endsOn?: Dayjs;
};

function NewTaskForceModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<ForceValues>(
    ['regionCode', 'name', 'kind', 'purpose', 'startsOn', 'endsOn'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (v: ForceValues) =>
      createTaskForce({
        ...v,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : undefined,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <FormModal<ForceValues>
      title={t('cob.newTaskForce')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      initialValues={{ kind: 'temporary_org' }}
      onFinish={(v) => run(mutation, v, () => t('cob.taskForceCreated'))}
      onClose={onClose}
    >
      <Form.Item name="regionCode" label={t('cob.regionCode')} rules={[{ required: true }]}>
        <Input placeholder="230108001" />
      </Form.Item>
      <Form.Item name="name" label={t('cob.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('cob.kind')}>
        <Select options={TASK_FORCE_KINDS.map((k) => ({ value: k, label: t(`cob.forceKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="purpose" label={t('cob.purposeOfForce')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('cob.startsOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endsOn" label={t('cob.endsOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type ResultValues = { onDay: Dayjs; text: string; label?: string; value?: string; unit?: string };

function ResultModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<ResultValues>(['onDay', 'text'], onClose);
  const mutation = useMutation({
    mutationFn: (v: ResultValues) =>
      recordResult(id, {
        onDay: v.onDay.format('YYYY-MM-DD'),
        text: v.text,
        figures:
          v.label && v.value !== undefined && v.value !== ''
            ? [{ label: v.label, value: Number(v.value), unit: v.unit ?? '' }]
            : [],
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <FormModal<ResultValues>
      title={t('cob.newResult')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('cob.resultRecorded'))}
      onClose={onClose}
    >
      <Form.Item name="onDay" label={t('cob.onDay')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="text" label={t('cob.text')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="label" label={t('cob.figureLabel')}>
        <Input />
      </Form.Item>
      <Form.Item name="value" label={t('cob.figureValue')}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="unit" label={t('cob.figureUnit')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
