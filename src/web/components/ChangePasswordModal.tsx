import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { changePassword } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { useServerErrors } from '../lib/form-errors';
import { passwordPolicyRule } from '../lib/password-rule';
import { useMe } from '../session/useMe';
import { FormError } from './FormError';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<PasswordForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'currentPassword',
    'newPassword',
  ]);
  const mutation = useMutation({
    mutationFn: (values: PasswordForm) => changePassword(values.currentPassword, values.newPassword),
    onMutate: clearFormError,
    onSuccess: () => {
      void message.success(t('password.changed'));
      onClose();
    },
    onError: onServerError,
  });

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      afterClose={() => {
        form.resetFields();
        clearFormError();
      }}
    >
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[{ required: true, message: t('password.newRequired') }, passwordPolicyRule(t, me.username)]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value: unknown) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
