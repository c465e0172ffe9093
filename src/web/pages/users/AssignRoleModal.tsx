import { useQuery } from '@tanstack/react-query';
import { App, Form, Modal, Select } from 'antd';
import type { RoleName, User } from '../../api/types';
import { rolesQuery } from '../../api/users';
import { FormError } from '../../components/FormError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { useAssignRole } from './useUserMutations';

interface RoleForm {
  role: RoleName;
  regionCode: string;
}

export function AssignRoleModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  return user ? <AssignRoleForm user={user} onClose={onClose} /> : null;
}

function AssignRoleForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['role', 'regionCode']);
  const roles = useQuery(rolesQuery);
  const mutation = useAssignRole(user);

  const submit = (values: RoleForm) => {
    clearFormError();
    mutation.mutate(values, {
      onSuccess: () => {
        void message.success(t('users.roleAssigned'));
        onClose();
      },
      onError: onServerError,
    });
  };

  return (
    <Modal
      open
      title={t('users.assignRoleTitle', { name: user.displayName })}
      okText={t('common.ok')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<RoleForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ regionCode: user.regionCode }}
      >
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select<RoleName>
            loading={roles.isPending}
            options={(roles.data ?? []).map(({ role }) => ({ value: role, label: t(`role.${role}`) }))}
            data-testid="role-select"
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('users.roleRegion')}
          rules={[{ required: true, message: t('users.roleRegionRequired') }]}
        >
          <RegionTreeSelect testId="role-region" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
