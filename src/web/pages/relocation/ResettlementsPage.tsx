import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Progress } from 'antd';
import { useState } from 'react';
import {
  createResettlement,
  type Resettlement,
  type ResettlementInput,
  relocationKeys,
  resettlementsQuery,
} from '../../api/relocation';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** /relocation/resettlements — 安置社区 of the district: flats given out of the capacity. */
export function ResettlementsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const list = useQuery(resettlementsQuery());
  return (
    <Card
      title={t('relocation.resettlements')}
      extra={
        hasPermission(me, 'relocation.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-resettlement">
            {t('relocation.newResettlement')}
          </Button>
        )
      }
      data-testid="resettlements-page"
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Resettlement>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('relocation.noResettlements') }}
          columns={[
            { title: t('relocation.estateName'), dataIndex: 'name' },
            { title: t('relocation.resettlement'), dataIndex: 'regionName' },
            { title: t('relocation.capacity'), dataIndex: 'capacityUnits', align: 'right' },
            { title: t('relocation.occupied'), dataIndex: 'occupiedUnits', align: 'right' },
            {
              title: '',
              dataIndex: 'id',
              render: (_: string, r) => (
                <Progress
                  percent={Math.round((r.occupiedUnits * 100) / r.capacityUnits)}
                  size="small"
                  style={{ minWidth: 80 }}
                />
              ),
            },
          ]}
        />
      )}
      {creating && <NewResettlementModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

type Values = ResettlementInput;
const FIELDS = ['regionCode', 'name', 'capacityUnits'] as const;

function NewResettlementModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: createResettlement,
    onSuccess: () => client.invalidateQueries({ queryKey: relocationKeys.all }),
  });
  return (
    <FormModal<Values>
      title={t('relocation.newResettlement')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('relocation.resettlementCreated'))}
      onClose={onClose}
      okButtonProps={{ 'data-testid': 'resettlement-submit' }}
    >
      <Form.Item name="regionCode" label={t('relocation.regionCode')} rules={[{ required: true }]}>
        <Input placeholder="230108001002" />
      </Form.Item>
      <Form.Item name="name" label={t('relocation.estateName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="capacityUnits" label={t('relocation.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
