import { App, Form, Input, Modal } from 'antd';
import type { User } from '../../api/types';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { passwordPolicyRule } from '../../lib/password-rule';
import { useResetPassword } from './useUserMutations';

interface ResetForm {
  password: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  return user ? <ResetPasswordForm user={user} onClose={onClose} /> : null;
}

function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['password']);
  const mutation = useResetPassword(user);

  const submit = ({ password }: ResetForm) => {
    clearFormError();
    mutation.mutate(password, {
      onSuccess: () => {
        void message.success(t('users.passwordReset'));
        onClose();
      },
      onError: onServerError,
    });
  };

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<ResetForm> form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[{ required: true, message: t('password.newRequired') }, passwordPolicyRule(t)]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
