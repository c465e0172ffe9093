import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { redeemCode } from '../../api/timebank';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';

interface CodeValues {
  code: string;
}

/**
 * /timebank/clerk — the love-supermarket clerk checks a resident's six-digit code off. A code is
 * good once: a second try says "already used" in words (409 timebank.code_used); a lapsed code
 * says so with the server's sentence (its minutes went back to the resident).
 */
export function ClerkPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<CodeValues>();
  const [done, setDone] = useState<string | null>(null);
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['code']);
  const mutation = useMutation({
    mutationFn: (values: CodeValues) => redeemCode(values.code.trim()),
    onSuccess: (redeemed) => {
      setDone(
        t('timebank.checkedOff', {
          item: redeemed.itemName,
          quantity: redeemed.quantity,
          minutes: redeemed.minutes,
        }),
      );
      form.resetFields();
    },
    onError: (error: unknown) => {
      if (isApiError(error, 409) && error.code === 'timebank.code_used') {
        form.setFields([{ name: 'code', errors: [t('timebank.alreadyUsed')] }]);
        return;
      }
      onServerError(error);
    },
  });

  return (
    <Card title={t('timebank.clerk')} style={{ maxWidth: 480 }} data-testid="timebank-clerk">
      <Form<CodeValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          clearFormError();
          setDone(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="code"
          label={t('timebank.code')}
          extra={t('timebank.clerkHint')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('timebank.codeRequired') }]}
        >
          <Input inputMode="numeric" maxLength={6} autoComplete="off" data-testid="timebank-code" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="timebank-check-off"
        >
          {t('timebank.checkOff')}
        </Button>
        <FormError message={formError} />
        {done && (
          <Alert
            type="success"
            showIcon
            title={done}
            style={{ marginTop: 8 }}
            data-testid="timebank-checked-off"
          />
        )}
      </Form>
    </Card>
  );
}
