import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { CAMPAIGN_RULES, type CampaignRule } from '../../../shared/api/visits';
import { type Campaign, campaignsQuery, createCampaign, visitKeys } from '../../api/visits';
import { FigureProgress } from '../../components/FigureProgress';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

interface Values {
  name: string;
  regionCode: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  rule: CampaignRule;
  minVisits?: number;
  tag?: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** /visit-campaigns — campaigns in scope with their coverage; secretaries plan new ones here. */
export function CampaignsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const campaigns = useQuery(campaignsQuery);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (values: Values) =>
      createCampaign({
        name: values.name,
        regionCode: values.regionCode,
        startsOn: values.startsOn.format('YYYY-MM-DD'),
        endsOn: values.endsOn.format('YYYY-MM-DD'),
        rule: values.rule,
        minVisits: values.minVisits ?? 1,
        ...(values.tag ? { tag: values.tag } : {}),
      }),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      message.success(t('visits.sent'));
      await queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
  });

  return (
    <Flex vertical gap={12} data-testid="visit-campaigns">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.campaigns')}
        </Typography.Title>
        {hasPermission(me, 'visit.plan') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="campaign-new">
            {t('visits.newCampaign')}
          </Button>
        )}
      </Flex>
      {campaigns.error && <QueryError error={campaigns.error} />}
      <Card size="small">
        <Table<Campaign>
          rowKey="id"
          size="small"
          loading={campaigns.isLoading}
          dataSource={campaigns.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('visits.campaignName'),
              dataIndex: 'name',
              render: (name: string, row) => (
                <Link to={`/visit-campaigns/${row.id}`} data-testid="campaign-link">
                  {name}
                </Link>
              ),
            },
            { title: t('visits.region'), dataIndex: 'regionName' },
            { title: t('visits.startsOn'), dataIndex: 'startsOn' },
            { title: t('visits.endsOn'), dataIndex: 'endsOn' },
            { title: t('visits.households'), dataIndex: 'households', align: 'right' },
            {
              title: t('visits.met'),
              key: 'met',
              render: (_: unknown, row) => (
                <FigureProgress
                  label={`${row.name} ${t('visits.met')}`}
                  percent={percent(row.met, row.households)}
                  size="small"
                />
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('visits.newCampaign')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) => create.mutate(values)}
          initialValues={{ rule: 'every_household', minVisits: 1 }}
        >
          <Form.Item name="name" label={t('visits.campaignName')} rules={[{ required: true }]}>
            <Input maxLength={100} data-testid="campaign-name" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('visits.region')} rules={[{ required: true }]}>
            <RegionTreeSelect testId="campaign-region" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="startsOn" label={t('visits.startsOn')} rules={[{ required: true }]}>
              <DatePicker data-testid="campaign-starts" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('visits.endsOn')} rules={[{ required: true }]}>
              <DatePicker data-testid="campaign-ends" />
            </Form.Item>
          </Flex>
          <Form.Item name="rule" label={t('visits.rule')}>
            <Select options={CAMPAIGN_RULES.map((r) => ({ value: r, label: t(`visits.rule.${r}`) }))} />
          </Form.Item>
          <Form.Item name="minVisits" label={t('visits.minVisits')}>
            <InputNumber min={1} max={52} />
          </Form.Item>
          <Form.Item name="tag" label={t('visits.tag')}>
            <Input maxLength={32} />
          </Form.Item>
          <FormError message={create.error ? errorMessage(create.error, t) : null} />
        </Form>
      </Modal>
    </Flex>
  );
}
