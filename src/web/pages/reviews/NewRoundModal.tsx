import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber } from 'antd';
import { useNavigate } from 'react-router';
import { REVIEW_KPIS } from '../../../shared/api/reviews';
import { createRound, reviewKeys } from '../../api/reviews';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  regionCode: string;
  name: string;
  year: number;
  fromMonth: string;
  toMonth: string;
  rubric: string;
  rubricWeight: number;
  kpiWeight: number;
}

const FIELDS = [
  'regionCode',
  'name',
  'year',
  'fromMonth',
  'toMonth',
  'rubric',
  'rubricWeight',
  'kpiWeight',
] as const;

/** "name:max" lines → rubric items with ids item1, item2, … */
const rubricOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const at = line.lastIndexOf(':') >= 0 ? line.lastIndexOf(':') : line.lastIndexOf('：');
      return {
        id: `item${i + 1}`,
        title: at > 0 ? line.slice(0, at).trim() : line,
        max: Number(line.slice(at + 1)) || 0,
      };
    });

/** 新建评议轮次: the reviewing region, the period, the rubric and the weights (KPIs weighted equally). */
export function NewRoundModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: createRound,
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      {
        ...v,
        rubric: rubricOf(v.rubric),
        groupWeights: { leader: 50, member: 30, resident: 20 },
        kpiWeights: Object.fromEntries(REVIEW_KPIS.map((k) => [k, 1])) as Record<
          (typeof REVIEW_KPIS)[number],
          number
        >,
      },
      (created) => {
        void navigate(`/reviews/${created.id}`);
        return t('reviews.created');
      },
    );
  return (
    <FormModal<Values>
      title={t('reviews.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        year,
        fromMonth: `${year}-01`,
        toMonth: `${year}-12`,
        rubric: t('reviews.rubricDefault'),
        rubricWeight: 60,
        kpiWeight: 40,
      }}
      okButtonProps={{ 'data-testid': 'round-submit' }}
    >
      <Form.Item name="regionCode" label={t('reviews.regionCode')} rules={[{ required: true }]}>
        <Input data-testid="round-region" inputMode="numeric" />
      </Form.Item>
      <Form.Item name="name" label={t('reviews.name')} rules={[{ required: true }]}>
        <Input data-testid="round-name" />
      </Form.Item>
      <Form.Item name="year" label={t('reviews.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="fromMonth" label={t('reviews.fromMonth')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="toMonth" label={t('reviews.toMonth')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="rubric"
        label={t('reviews.rubric')}
        extra={t('reviews.rubricHelp')}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="rubricWeight" label={t('reviews.rubricWeight')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="kpiWeight" label={t('reviews.kpiWeight')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
