import { Form, Input } from 'antd';
import type { User } from '../../api/types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
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
  const { form, formError, run } = useModalForm<ResetForm>(['password'], onClose);
  const mutation = useResetPassword(user);

  return (
    <FormModal<ResetForm>
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={({ password }) => run(mutation, password, () => t('users.passwordReset'))}
      onClose={onClose}
      autoComplete="off"
    >
      <Form.Item
        name="password"
        label={t('password.new')}
        extra={t('password.hint')}
        rules={[{ required: true, message: t('password.newRequired') }, passwordPolicyRule(t)]}
      >
        <Input.Password autoComplete="new-password" data-testid="reset-password" />
      </Form.Item>
    </FormModal>
  );
}
