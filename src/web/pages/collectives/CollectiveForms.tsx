import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { collectiveKeys, recordIncome, setShareholder } from '../../api/collectives';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';

/** 登记股东: a villager on the register (by id) and their number of shares. */
export function ShareholderModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<{ personId: string; shares: number }>(
    ['personId', 'shares'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (body: { personId: string; shares: number }) => setShareholder(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: collectiveKeys.all }),
  });
  return (
    <FormModal<{ personId: string; shares: number }>
      title={t('collectives.addShareholder')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('collectives.saved'))}
      onClose={onClose}
      initialValues={{ shares: 1 }}
    >
      <Form.Item name="personId" label={t('collectives.personId')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="shares" label={t('collectives.shares')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

interface IncomeValues {
  year: number;
  amountYuan: number;
  source: string;
  receivedOn: Dayjs;
}

/** 记录收入: an income entry of a year, in yuan (sent as fen). */
export function IncomeModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<IncomeValues>(
    ['year', 'amountYuan', 'source', 'receivedOn'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof recordIncome>[1]) => recordIncome(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: collectiveKeys.all }),
  });
  const submit = (v: IncomeValues) =>
    run(
      mutation,
      {
        year: v.year,
        amountFen: Math.round(v.amountYuan * 100),
        source: v.source,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      },
      () => t('collectives.saved'),
      (error) => renameFieldPaths(error, { amountFen: 'amountYuan' }),
    );
  const today = dayjs().tz(ZONE);
  return (
    <FormModal<IncomeValues>
      title={t('collectives.addIncome')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ year: today.year(), receivedOn: today }}
    >
      <Form.Item name="year" label={t('collectives.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('collectives.amountYuan')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="source" label={t('collectives.source')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('collectives.receivedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
