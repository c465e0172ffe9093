import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DUES_CATEGORIES } from '../../../shared/api/funds';
import { type DuesCategory, type DuesRecord, fundKeys, recordDues, setDuesBase } from '../../api/funds';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { beijingMonth, fenOf } from './format';

interface BaseValues {
  category: DuesCategory;
  incomeFen: number | null;
  effectiveMonth: string;
}

/** 核定党费基数: the category and monthly income after tax (yuan), from a month on. */
export function DuesBaseModal({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<BaseValues>(
    ['category', 'incomeFen', 'effectiveMonth'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof setDuesBase>[1]) => setDuesBase(memberId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
  });
  return (
    <FormModal<BaseValues>
      title={t('dues.setBase')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onClose={onClose}
      initialValues={{ category: 'in_service', effectiveMonth: beijingMonth() }}
      onFinish={(v) =>
        run(
          mutation,
          { category: v.category, incomeFen: fenOf(v.incomeFen), effectiveMonth: v.effectiveMonth },
          () => t('dues.baseSet'),
        )
      }
      okButtonProps={{ 'data-testid': 'dues-base-submit' }}
    >
      <Form.Item name="category" label={t('dues.categoryLabel')} rules={[{ required: true }]}>
        <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: t(`dues.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="incomeFen" label={t('dues.income')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="dues-base-income" />
      </Form.Item>
      <Form.Item name="effectiveMonth" label={t('dues.effectiveMonth')} rules={[{ required: true }]}>
        <Input placeholder="YYYY-MM" />
      </Form.Item>
    </FormModal>
  );
}

interface PayValues {
  months: string[];
  paidOn: Dayjs;
}

/**
 * 登记党费: a payment the member made in person, for months within the back-payment window. There is
 * no payer field: dues are the member's own, nobody pays them for another.
 */
export function DuesPaymentModal({ record, onClose }: { record: DuesRecord; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<PayValues>(['months', 'paidOn'], onClose);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof recordDues>[1]) => recordDues(record.memberId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
  });
  const current = beijingMonth();
  const payable = [...record.unpaidMonths.filter((m) => m >= record.earliestPayable)];
  if (!record.payments.some((p) => p.month === current)) payable.push(current);
  return (
    <FormModal<PayValues>
      title={t('dues.recordPayment')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onClose={onClose}
      initialValues={{ months: payable.slice(0, 1), paidOn: dayjs() }}
      onFinish={(v) =>
        run(
          mutation,
          { months: v.months, paidOn: v.paidOn.format('YYYY-MM-DD') },
          () => t('dues.paid'),
          (error) => renameFieldPaths(error, {}),
        )
      }
      okButtonProps={{ 'data-testid': 'dues-pay-submit' }}
    >
      <Form.Item
        name="months"
        label={t('dues.months.label')}
        rules={[{ required: true }]}
        extra={t('dues.selfOnly')}
      >
        <CheckboxGroupField options={payable.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('dues.paidOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
