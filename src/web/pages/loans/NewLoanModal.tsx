import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import { REPAYMENT_METHODS } from '../../../shared/api/loans';
import {
  createLoan,
  type LoanInput,
  loanKeys,
  loanPrefillQuery,
  type RepaymentMethod,
} from '../../api/loans';
import { FormModal, useModalForm } from '../../components/FormModal';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { fenOf, yuan } from './format';

interface Values {
  personId: string;
  amountYuan: number;
  termMonths: number;
  purpose: string;
  business: string;
  repaymentMethod: RepaymentMethod;
}

const FIELDS = ['personId', 'amountYuan', 'termMonths', 'purpose', 'business', 'repaymentMethod'] as const;

/**
 * 新申请: a resident of the register applies; the amount is typed in yuan and sent in fen (the
 * server's `amountFen` problems land on the yuan field). Once the person is picked, their masked
 * particulars and their district's limits show above the fields.
 */
export function NewLoanModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const personId = Form.useWatch('personId', form);
  const prefill = useQuery(loanPrefillQuery(personId));
  const limits = prefill.data?.settings;
  const mutation = useMutation({
    mutationFn: (body: LoanInput) => createLoan(body),
    onSuccess: () => client.invalidateQueries({ queryKey: loanKeys.all }),
  });
  const submit = ({ amountYuan, ...rest }: Values) =>
    run(
      mutation,
      { ...rest, amountFen: fenOf(amountYuan) },
      (created) => {
        void navigate(`/loans/${created.id}`);
        return t('loans.created');
      },
      (error) => renameFieldPaths(error, { amountFen: 'amountYuan' }),
    );
  return (
    <FormModal<Values>
      title={t('loans.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ termMonths: 24, repaymentMethod: 'equal_instalment' }}
      okButtonProps={{ 'data-testid': 'loan-submit' }}
    >
      <Form.Item name="personId" label={t('loans.person')} rules={[{ required: true }]}>
        <PersonSearchSelect testId="loan-person" />
      </Form.Item>
      {prefill.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${prefill.data.name} · ${prefill.data.idNumber}`}
          description={
            limits && t('loans.amountHint', { max: yuan(limits.maxAmountFen), months: limits.maxTermMonths })
          }
          data-testid="loan-prefill"
        />
      )}
      <Form.Item name="amountYuan" label={t('loans.amountYuan')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="loan-amount" />
      </Form.Item>
      <Form.Item name="termMonths" label={t('loans.termMonthsField')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="loan-term" />
      </Form.Item>
      <Form.Item name="purpose" label={t('loans.purpose')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="loan-purpose" />
      </Form.Item>
      <Form.Item name="business" label={t('loans.business')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="loan-business" />
      </Form.Item>
      <Form.Item name="repaymentMethod" label={t('loans.method')} rules={[{ required: true }]}>
        <Select
          options={REPAYMENT_METHODS.map((m) => ({ value: m, label: t(`loans.method.${m}`) }))}
          data-testid="loan-method"
        />
      </Form.Item>
    </FormModal>
  );
}
