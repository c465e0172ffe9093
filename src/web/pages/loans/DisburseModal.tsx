import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type DisburseInput, disburseLoan, type LoanDetail } from '../../api/loans';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';

interface Values {
  disbursedOn: Dayjs;
  bankName: string;
  contractNo: string;
}

const FIELDS = ['disbursedOn', 'bankName', 'contractNo'] as const;

/** The bank approves and lends: the day, the bank and the contract; the schedule follows. */
export function DisburseModal({
  loan,
  onDone,
  onClose,
}: {
  loan: LoanDetail;
  onDone: (updated: LoanDetail) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: (body: DisburseInput) => disburseLoan(loan.id, body),
    onSuccess: onDone,
  });
  const submit = (v: Values) =>
    run(mutation, { ...v, disbursedOn: v.disbursedOn.format('YYYY-MM-DD') }, () => t('loans.done'));
  return (
    <FormModal<Values>
      title={t('loans.action.disburse')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ disbursedOn: dayjs().tz(ZONE) }}
      okText={t('loans.action.disburse')}
      okButtonProps={{ 'data-testid': 'disburse-submit' }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('loans.disburseHint', { method: t(`loans.method.${loan.repaymentMethod}`) })}
      />
      <Form.Item name="disbursedOn" label={t('loans.disbursedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} data-testid="disburse-date" />
      </Form.Item>
      <Form.Item name="bankName" label={t('loans.bank')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} data-testid="disburse-bank" />
      </Form.Item>
      <Form.Item name="contractNo" label={t('loans.contract')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} data-testid="disburse-contract" />
      </Form.Item>
    </FormModal>
  );
}
