import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Switch, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  catalogueKeys,
  createHotline,
  type Hotline,
  hotlinesQuery,
  updateHotline,
} from '../../../api/service-catalogue';
import { FormModal, useModalForm } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryError';
import { RegionName } from '../../../components/RegionName';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';

interface HotlineForm {
  number: string;
  name: string;
  regionCode: string;
}

function HotlineModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<HotlineForm>(['number', 'name', 'regionCode'], onClose);
  const create = useMutation({
    mutationFn: (values: HotlineForm) =>
      createHotline({
        number: values.number.trim(),
        name: values.name.trim(),
        regionCode: values.regionCode,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.hotlines }),
  });
  return (
    <FormModal<HotlineForm>
      title={t('wo.hotlines.new')}
      okText={t('common.create')}
      form={form}
      formError={formError}
      pending={create.isPending}
      // The new line shows in the table: no message needed.
      onFinish={(values) => run(create, values, () => null)}
      onClose={onClose}
    >
      <Form.Item
        name="number"
        label={t('wo.hotlines.number')}
        rules={[{ required: true, whitespace: true, message: t('wo.hotlines.numberRequired') }]}
      >
        <Input maxLength={20} placeholder="0451-86661234" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('wo.hotlines.name')}
        rules={[{ required: true, whitespace: true, message: t('wo.hotlines.nameRequired') }]}
      >
        <Input maxLength={50} placeholder={t('wo.hotlines.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('wo.hotlines.unit')}
        rules={[{ required: true, message: t('wo.hotlines.unitRequired') }]}
        extra={t('wo.hotlines.unitHint')}
      >
        <RegionTreeSelect kinds={['district', 'street', 'town', 'community', 'village']} />
      </Form.Item>
    </FormModal>
  );
}

/** /admin/hotlines — the 24-hour lines (热线), each bound to the unit whose orders it takes. */
export function HotlinesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const hotlines = useQuery(hotlinesQuery);
  const [creating, setCreating] = useState(false);
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => updateHotline(id, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.hotlines }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const columns: TableColumnsType<Hotline> = [
    { title: t('wo.hotlines.number'), dataIndex: 'number', width: 180 },
    { title: t('wo.hotlines.name'), dataIndex: 'name' },
    {
      title: t('wo.hotlines.unit'),
      dataIndex: 'regionCode',
      render: (code: string) => <RegionName code={code} />,
    },
    {
      title: t('wo.hotlines.active'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean, hotline) => (
        <Switch
          aria-label={`${hotline.number} ${t('wo.hotlines.active')}`}
          checked={active}
          loading={toggle.isPending && toggle.variables?.id === hotline.id}
          onChange={(checked) => toggle.mutate({ id: hotline.id, active: checked })}
        />
      ),
    },
  ];
  return (
    <Card
      title={t('nav.hotlines')}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('wo.hotlines.new')}
        </Button>
      }
      data-testid="hotlines-page"
    >
      {hotlines.isError ? (
        <QueryError error={hotlines.error} onRetry={() => void hotlines.refetch()} />
      ) : (
        <Table<Hotline>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={hotlines.data ?? []}
          loading={hotlines.isPending}
          pagination={false}
        />
      )}
      {creating && <HotlineModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
