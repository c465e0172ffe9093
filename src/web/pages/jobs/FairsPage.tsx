import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { FAIR_KINDS } from '../../../shared/api/jobs';
import { createFair, type Fair, type FairInput, fairKeys, fairsQuery } from '../../api/jobs';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

interface Values {
  kind: Fair['kind'];
  title: string;
  place: string;
  regionCode: string;
  when: [Dayjs, Dayjs];
  seekerCapacity?: number | null;
}
const FIELDS = ['kind', 'title', 'place', 'regionCode', 'when', 'seekerCapacity'] as const;

/** 招聘会: the fairs and farmers' markets (农民办事大集) of one's area; a case worker plans new ones. */
export function FairsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const fairs = useQuery(fairsQuery);
  return (
    <Card
      title={t('fairs.title')}
      extra={
        hasPermission(me, 'job.manage') ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-fair">
            {t('fairs.new')}
          </Button>
        ) : null
      }
    >
      {fairs.error && <QueryError error={fairs.error} onRetry={() => fairs.refetch()} />}
      <ResponsiveTable<Fair>
        rowKey="id"
        loading={fairs.isLoading}
        dataSource={fairs.data?.items ?? []}
        locale={{ emptyText: t('fairs.none') }}
        columns={[
          {
            title: t('fairs.name'),
            dataIndex: 'title',
            render: (title: string, f) => <Link to={`/job-fairs/${f.id}`}>{title}</Link>,
          },
          { title: t('fairs.kind'), dataIndex: 'kind', render: (k: Fair['kind']) => t(`fairs.kinds.${k}`) },
          { title: t('fairs.place'), dataIndex: 'place' },
          { title: t('fairs.region'), dataIndex: 'regionName' },
          {
            title: t('fairs.when'),
            dataIndex: 'startsAt',
            render: (s: string, f) =>
              `${new Date(s).toLocaleString()} – ${new Date(f.endsAt).toLocaleTimeString()}`,
          },
          { title: t('fairs.enterprises'), dataIndex: 'enterprises' },
          {
            title: t('fairs.seekers'),
            dataIndex: 'seekers',
            render: (n: number, f) => (f.seekerCapacity === null ? n : `${n}/${f.seekerCapacity}`),
          },
          {
            title: t('fairs.status'),
            dataIndex: 'status',
            render: (s: Fair['status']) => <Tag>{t(`fairs.statuses.${s}`)}</Tag>,
          },
        ]}
      />
      {creating && <FairFormModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

function FairFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: (body: FairInput) => createFair(body),
    onSuccess: () => client.invalidateQueries({ queryKey: fairKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      {
        kind: v.kind,
        title: v.title,
        place: v.place,
        regionCode: v.regionCode,
        startsAt: v.when[0].toISOString(),
        endsAt: v.when[1].toISOString(),
        seekerCapacity: v.seekerCapacity ?? null,
      },
      () => t('fairs.created'),
    );
  return (
    <FormModal<Values>
      title={t('fairs.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ kind: 'job_fair' }}
      okButtonProps={{ 'data-testid': 'fair-submit' }}
    >
      <Form.Item name="kind" label={t('fairs.kind')} rules={[{ required: true }]}>
        <Select options={FAIR_KINDS.map((k) => ({ value: k, label: t(`fairs.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('fairs.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="place" label={t('fairs.place')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('fairs.region')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="fair-region" />
      </Form.Item>
      <Form.Item name="when" label={t('fairs.when')} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="seekerCapacity" label={t('fairs.capacity')}>
        <InputNumber min={1} max={100_000} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
