import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { accountsQuery, postTransfer, timebankKeys } from '../../api/timebank';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';

interface TransferValues {
  to: string;
  minutes: number;
  memo?: string;
}

/**
 * Minutes out of account `from`. Field problems go on their fields; a refusal by the ledger (409:
 * the payer would fall below its floor, the payee rise above its ceiling) is the server's sentence
 * naming the account and the bound, shown above the button.
 */
export function TransferForm({ from }: { from: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TransferValues>();
  const [q, setQ] = useState('');
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['to', 'minutes', 'memo']);
  const candidates = useInfiniteQuery(accountsQuery(q));
  const options = (candidates.data?.pages[0]?.items ?? [])
    .filter((account) => account.id !== from)
    .map((account) => ({ value: account.id, label: `${account.ownerName}（${account.regionCode}）` }));
  const mutation = useMutation({
    mutationFn: (values: TransferValues) =>
      postTransfer({ from, to: values.to, minutes: values.minutes, memo: values.memo?.trim() || undefined }),
    onSuccess: async (_created, values) => {
      void message.success(t('timebank.transferred', { minutes: values.minutes }));
      form.resetFields();
      await client.invalidateQueries({ queryKey: timebankKeys.all });
    },
    onError: onServerError,
  });

  return (
    <Card title={t('timebank.transfer')}>
      <Form<TransferValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          clearFormError();
          mutation.mutate(values);
        }}
        data-testid="timebank-transfer"
      >
        <Form.Item
          name="to"
          label={t('timebank.transferTo')}
          rules={[{ required: true, message: t('timebank.transferToRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim()) }}
            options={options}
            loading={candidates.isFetching}
            data-testid="timebank-transfer-to"
          />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('timebank.minutes')}
          rules={[{ required: true, message: t('timebank.minutesRequired') }]}
        >
          <InputNumber<number> precision={0} style={{ width: 200 }} data-testid="timebank-transfer-minutes" />
        </Form.Item>
        <Form.Item name="memo" label={t('timebank.memo')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="timebank-transfer-send"
        >
          {t('timebank.send')}
        </Button>
        <FormError message={formError} />
      </Form>
    </Card>
  );
}
