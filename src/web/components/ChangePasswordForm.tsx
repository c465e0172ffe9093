import { useMutation } from '@tanstack/react-query';
import { Form, type FormInstance, Input } from 'antd';
import { changePassword } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { useServerErrors } from '../lib/form-errors';
import { passwordPolicyRule } from '../lib/password-rule';
import { useMe } from '../session/useMe';
import { FormError } from './FormError';

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * The state of one password-change form: the user-menu dialog and the forced change at first
 * sign-in share it, so both check the same rules and show the server's field errors alike.
 */
export function usePasswordChange(onChanged: () => void) {
  const [form] = Form.useForm<PasswordForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'currentPassword',
    'newPassword',
  ]);
  const mutation = useMutation({
    mutationFn: (values: PasswordForm) => changePassword(values.currentPassword, values.newPassword),
    onMutate: clearFormError,
    onSuccess: onChanged,
    onError: onServerError,
  });
  return { form, formError, clearFormError, mutation };
}

/** The three fields (current, new, again) and the form-level error; the caller supplies the buttons. */
export function ChangePasswordForm({
  form,
  formError,
  onSubmit,
}: {
  form: FormInstance<PasswordForm>;
  formError: string | null;
  onSubmit: (values: PasswordForm) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Form<PasswordForm> form={form} layout="vertical" onFinish={onSubmit}>
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
  );
}
