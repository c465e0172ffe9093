import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SPENDING_KINDS, VOUCHER_KINDS } from '../../../shared/api/funds';
import {
  createVoucher,
  type FundAccount,
  fundKeys,
  type SpendingKind,
  type VoucherKind,
} from '../../api/funds';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { fenOf, yuan } from './format';

interface LineValues {
  accountId?: string;
  /** Typed in yuan; sent in fen under the same name, so the server's field errors land here. */
  debitFen?: number | null;
  creditFen?: number | null;
  memo?: string;
}
interface Values {
  date: Dayjs;
  summary: string;
  kind: VoucherKind;
  spendingKind?: SpendingKind;
  attachmentCount?: number;
  lines: LineValues[];
}

const FIELDS = ['date', 'summary', 'kind', 'spendingKind', 'attachmentCount', 'lines'] as const;

/**
 * 填制凭证: a voucher of balanced lines, amounts in yuan. The totals of both sides show under the
 * lines, so the maker sees an unbalanced voucher before sending it; the server checks again.
 */
export function NewVoucherModal({
  organizationId,
  accounts,
  onClose,
}: {
  organizationId: string;
  accounts: readonly FundAccount[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const lines = Form.useWatch('lines', form) ?? [];
  const kind = Form.useWatch('kind', form);
  const debits = lines.reduce((sum, l) => sum + fenOf(l?.debitFen), 0);
  const credits = lines.reduce((sum, l) => sum + fenOf(l?.creditFen), 0);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createVoucher>[1]) => createVoucher(organizationId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
  });
  const submit = (values: Values) =>
    run(
      mutation,
      {
        date: values.date.format('YYYY-MM-DD'),
        summary: values.summary,
        kind: values.kind,
        ...(values.kind === 'spending' && values.spendingKind ? { spendingKind: values.spendingKind } : {}),
        attachmentCount: values.attachmentCount ?? 0,
        lines: values.lines.map((l) => ({
          accountId: l.accountId ?? '',
          debitFen: fenOf(l.debitFen),
          creditFen: fenOf(l.creditFen),
          ...(l.memo ? { memo: l.memo } : {}),
        })),
      },
      (made) => (made.status === 'pending' ? t('funds.madePending') : t('funds.madePosted')),
    );
  return (
    <FormModal<Values>
      title={t('funds.newVoucher')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      width={760}
      initialValues={{ date: dayjs(), kind: 'income', attachmentCount: 0, lines: [{}, {}] }}
      okButtonProps={{ 'data-testid': 'voucher-submit' }}
    >
      <Space wrap align="start">
        <Form.Item name="date" label={t('funds.date')} rules={[{ required: true }]}>
          <DatePicker data-testid="voucher-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('funds.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={VOUCHER_KINDS.map((k) => ({ value: k, label: t(`funds.kind.${k}`) }))}
            data-testid="voucher-kind"
          />
        </Form.Item>
        {kind === 'spending' && (
          <Form.Item name="spendingKind" label={t('funds.spendingKind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={SPENDING_KINDS.map((k) => ({ value: k, label: t(`funds.spending.${k}`) }))}
              data-testid="voucher-spending-kind"
            />
          </Form.Item>
        )}
        <Form.Item name="attachmentCount" label={t('funds.attachments')}>
          <InputNumber min={0} max={99} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="summary" label={t('funds.summary')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="voucher-summary" />
      </Form.Item>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} wrap align="start" data-testid="voucher-line">
                <Form.Item name={[field.name, 'accountId']} rules={[{ required: true }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('funds.account')}
                    style={{ width: 240 }}
                    options={accounts.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
                    data-testid={`line-account-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'debitFen']}>
                  <InputNumber
                    min={0}
                    precision={2}
                    placeholder={t('funds.debit')}
                    data-testid={`line-debit-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'creditFen']}>
                  <InputNumber
                    min={0}
                    precision={2}
                    placeholder={t('funds.credit')}
                    data-testid={`line-credit-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'memo']}>
                  <Input placeholder={t('funds.memo')} maxLength={100} style={{ width: 140 }} />
                </Form.Item>
                {fields.length > 2 && (
                  <Button onClick={() => remove(field.name)}>{t('funds.removeLine')}</Button>
                )}
              </Space>
            ))}
            <Button onClick={() => add({})} style={{ marginBottom: 12 }} data-testid="add-line">
              {t('funds.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Text type={debits === credits ? 'secondary' : 'danger'} data-testid="voucher-totals">
        {t('funds.totals', { debits: yuan(debits), credits: yuan(credits) })}
      </Typography.Text>
    </FormModal>
  );
}
