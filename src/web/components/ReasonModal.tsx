import { Alert, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useServerErrors } from '../lib/form-errors';
import { FormModal } from './FormModal';

interface ReasonForm {
  reason: string;
  confirmed?: boolean;
}

interface Props {
  title: string;
  /** What the action does and that it is audited. */
  hint: string;
  okText: string;
  danger?: boolean;
  /** A checkbox the user must tick before the action (irreversible actions). */
  confirmLabel?: string;
  /** Runs the action; a rejection shows the server's message in the form and keeps it open. */
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Asks why, before an audited action on personal data (showing a value in clear, exporting,
 * anonymizing). Mount it only while open, like the other one-purpose modals.
 */
export function ReasonModal({ title, hint, okText, danger, confirmLabel, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReasonForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['reason']);
  const [pending, setPending] = useState(false);

  const submit = async ({ reason }: ReasonForm) => {
    clearFormError();
    setPending(true);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (error) {
      onServerError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <FormModal<ReasonForm>
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      form={form}
      formError={formError}
      pending={pending}
      onFinish={(values) => void submit(values)}
      onClose={onClose}
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('reason.label')}
        rules={[
          { required: true, whitespace: true, message: t('reason.required') },
          { min: 2, message: t('reason.tooShort') },
        ]}
      >
        <Input placeholder={t('reason.placeholder')} maxLength={200} autoFocus data-testid="reason-input" />
      </Form.Item>
      {confirmLabel && (
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, value: unknown) => {
                if (!value) throw new Error(t('reason.confirmRequired'));
              },
            },
          ]}
        >
          <Checkbox data-testid="reason-confirm">{confirmLabel}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
