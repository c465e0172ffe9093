import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  COBUILDING_AREAS,
  type CobuildingUnit,
  cobuildingKeys,
  createUnit,
  recordActivity,
  UNIT_KINDS,
  type UnitInput,
  unitQuery,
  unitsQuery,
} from '../../api/cobuilding';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { VenuesCard } from './VenuesCard';

/** /cobuilding-units — 驻区共建单位 with their members, joint activities, venues and bookings. */
export function UnitsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = useQuery(unitsQuery());
  const canWrite = hasPermission(me, 'cobuilding.write');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('cob.units')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-unit">
              {t('cob.newUnit')}
            </Button>
          )
        }
        data-testid="units-page"
      >
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ResponsiveTable<CobuildingUnit>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50 }}
            locale={{ emptyText: t('cob.noUnits') }}
            columns={[
              {
                title: t('cob.name'),
                dataIndex: 'name',
                render: (name: string, u) => (
                  <Button type="link" size="small" onClick={() => setChosen(u.id)}>
                    {name}
                  </Button>
                ),
              },
              {
                title: t('cob.kind'),
                dataIndex: 'kind',
                render: (k: CobuildingUnit['kind']) => t(`cob.kind.${k}`),
              },
              { title: t('cob.region'), dataIndex: 'regionName' },
              { title: t('cob.reportedMembers'), dataIndex: 'reportedMembers', align: 'right' },
              { title: t('cob.linkedMembers'), dataIndex: 'linkedMembers', align: 'right' },
              { title: t('cob.activities'), dataIndex: 'activities', align: 'right' },
              { title: t('cob.venues'), dataIndex: 'venues', align: 'right' },
            ]}
          />
        )}
      </Card>
      {chosen ? (
        <UnitDetail id={chosen} canWrite={canWrite} />
      ) : (
        <Card size="small">{t('cob.chooseUnit')}</Card>
      )}
      {creating && <NewUnitModal onClose={() => setCreating(false)} />}
    </Space>
  );
}

function UnitDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useI18n();
  const [recording, setRecording] = useState(false);
  const unit = useQuery(unitQuery(id));
  if (unit.isError) return <QueryError error={unit.error} onRetry={() => void unit.refetch()} />;
  const data = unit.data;
  return (
    <>
      <Card
        title={data?.name}
        loading={unit.isPending}
        extra={canWrite && <Button onClick={() => setRecording(true)}>{t('cob.newActivity')}</Button>}
        data-testid="unit-detail"
      >
        {data && (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('cob.address')}>{data.address}</Descriptions.Item>
              <Descriptions.Item label={t('cob.contact')}>{data.contact}</Descriptions.Item>
              <Descriptions.Item label={t('cob.linkedMembers')}>
                {data.members.map((m) => m.name).join('、')}
              </Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.activityList}
              columns={[
                { title: t('cob.heldOn'), dataIndex: 'heldOn' },
                { title: t('cob.area'), dataIndex: 'area' },
                { title: t('cob.title'), dataIndex: 'title' },
                { title: t('cob.participants'), dataIndex: 'participants', align: 'right' },
              ]}
            />
          </>
        )}
      </Card>
      {data && <VenuesCard unitId={id} venues={data.venueList} canWrite={canWrite} />}
      {recording && <ActivityModal unitId={id} onClose={() => setRecording(false)} />}
    </>
  );
}

function NewUnitModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<UnitInput>(
    ['regionCode', 'name', 'kind', 'address', 'contact', 'reportedMembers'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: createUnit,
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <FormModal<UnitInput>
      title={t('cob.newUnit')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      initialValues={{ kind: 'enterprise', reportedMembers: 0 }}
      onFinish={(v) => run(mutation, v, () => t('cob.unitCreated'))}
      onClose={onClose}
    >
      <Form.Item name="regionCode" label={t('cob.regionCode')} rules={[{ required: true }]}>
        <Input placeholder="230108001002" />
      </Form.Item>
      <Form.Item name="name" label={t('cob.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('cob.kind')}>
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`cob.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="address" label={t('cob.address')}>
        <Input />
      </Form.Item>
      <Form.Item name="contact" label={t('cob.contact')}>
        <Input />
      </Form.Item>
      <Form.Item name="reportedMembers" label={t('cob.reportedMembers')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type ActivityValues = { area: string; title: string; heldOn: Dayjs; participants?: number };

function ActivityModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<ActivityValues>(
    ['area', 'title', 'heldOn', 'participants'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (v: ActivityValues) =>
      recordActivity(unitId, {
        area: v.area as (typeof COBUILDING_AREAS)[number],
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        participants: v.participants ?? 0,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <FormModal<ActivityValues>
      title={t('cob.newActivity')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('cob.activityRecorded'))}
      onClose={onClose}
    >
      <Form.Item name="area" label={t('cob.area')} rules={[{ required: true }]}>
        <Select options={COBUILDING_AREAS.map((a) => ({ value: a, label: a }))} />
      </Form.Item>
      <Form.Item name="title" label={t('cob.title')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="heldOn" label={t('cob.heldOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="participants" label={t('cob.participants')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
