import { Form, Input } from 'antd';
import type { NewUser } from '../../api/users';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { passwordPolicyRule } from '../../lib/password-rule';
import { useCreateUser } from './useUserMutations';

interface UserForm {
  username: string;
  displayName: string;
  password: string;
  regionCode?: string;
}

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <CreateUserForm onClose={onClose} /> : null;
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<UserForm>(
    ['username', 'displayName', 'password', 'regionCode'],
    onClose,
  );
  const mutation = useCreateUser();

  const submit = (values: UserForm) => {
    const user: NewUser = {
      username: values.username.trim().toLowerCase(),
      displayName: values.displayName.trim(),
      password: values.password,
      regionCode: values.regionCode,
    };
    run(mutation, user, (created) => t('users.created', { name: created.displayName }));
  };

  return (
    <FormModal<UserForm>
      title={t('users.new')}
      okText={t('common.create')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      autoComplete="off"
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={t('users.usernameFormat')}
        rules={[
          { required: true, whitespace: true, message: t('users.usernameRequired') },
          { pattern: USERNAME, message: t('users.usernameFormat') },
        ]}
        normalize={(value: string) => value.toLowerCase()}
      >
        <Input maxLength={32} data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={50} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.password')}
        extra={t('password.hint')}
        rules={[{ required: true, message: t('password.newRequired') }, passwordPolicyRule(t)]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('users.region')} extra={t('users.regionHint')}>
        <RegionTreeSelect allowClear testId="user-region" />
      </Form.Item>
    </FormModal>
  );
}
