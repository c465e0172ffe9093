import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type LoanDetail, loanKeys, type RepaymentInput, recordRepayment } from '../../api/loans';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';
import { fenOf } from './format';

interface Values {
  amountYuan: number;
  paidOn: Dayjs;
}

const FIELDS = ['amountYuan', 'paidOn'] as const;

/** 登记还款: partial amounts are allowed; the server applies them to the oldest instalment due. */
export function RepaymentModal({ loan, onClose }: { loan: LoanDetail; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: (body: RepaymentInput) => recordRepayment(loan.id, body),
    onSuccess: async (updated) => {
      client.setQueryData(loanKeys.detail(loan.id), updated);
      await client.invalidateQueries({ queryKey: loanKeys.all });
    },
  });
  const next = loan.instalments.find((i) => i.paidFen < i.principalFen + i.borrowerInterestFen);
  const submit = (v: Values) =>
    run(
      mutation,
      { amountFen: fenOf(v.amountYuan), paidOn: v.paidOn.format('YYYY-MM-DD') },
      () => t('loans.repaid'),
      (error) => renameFieldPaths(error, { amountFen: 'amountYuan' }),
    );
  return (
    <FormModal<Values>
      title={t('loans.repay')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        paidOn: dayjs().tz(ZONE),
        amountYuan: next ? (next.principalFen + next.borrowerInterestFen - next.paidFen) / 100 : undefined,
      }}
      okButtonProps={{ 'data-testid': 'repay-submit' }}
    >
      <Form.Item name="amountYuan" label={t('loans.repayAmount')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="repay-amount" />
      </Form.Item>
      <Form.Item name="paidOn" label={t('loans.paidOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} data-testid="repay-date" />
      </Form.Item>
    </FormModal>
  );
}
