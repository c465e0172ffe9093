import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import type { RoleName, User } from '../../api/types';
import { rolesQuery } from '../../api/users';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
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
  const { form, formError, run } = useModalForm<RoleForm>(['role', 'regionCode'], onClose);
  const roles = useQuery(rolesQuery);
  const mutation = useAssignRole(user);

  return (
    <FormModal<RoleForm>
      title={t('users.assignRoleTitle', { name: user.displayName })}
      okText={t('common.ok')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(values) => run(mutation, values, () => t('users.roleAssigned'))}
      onClose={onClose}
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
    </FormModal>
  );
}
