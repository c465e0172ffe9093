import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { KIND_RULES } from '../../../shared/organization-rules';
import type { Organization } from '../../api/organization-types';
import { organizationMembersQuery } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { useSetLeader } from './useOrganizationMutations';

interface LeaderForm {
  memberId: string;
}

/** 设置负责人: one of its own members for a party organization, any member in scope for a warm group. */
export function SetLeaderModal({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<LeaderForm>(['memberId'], onClose);
  const ownOnly = KIND_RULES[organization.kind].leaderIsOwnMember;
  const members = useQuery({ ...organizationMembersQuery(organization.id), enabled: ownOnly });
  const mutation = useSetLeader(organization.id);

  const submit = ({ memberId }: LeaderForm) => run(mutation, memberId, () => t('org.leaderSet'));

  return (
    <FormModal<LeaderForm>
      title={t('org.setLeaderTitle', { name: organization.name })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={organization.leaderMemberId && ownOnly ? { memberId: organization.leaderMemberId } : {}}
    >
      <Form.Item
        name="memberId"
        label={t('org.leader')}
        extra={ownOnly ? t('org.leaderOwnHint') : t('org.leaderAnyHint')}
        rules={[{ required: true, message: t('org.leaderRequired') }]}
      >
        {ownOnly ? (
          <Select<string>
            loading={members.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            notFoundContent={t('org.membersEmpty')}
            data-testid="leader-select"
          />
        ) : (
          <MemberPicker testId="leader-picker" />
        )}
      </Form.Item>
    </FormModal>
  );
}
