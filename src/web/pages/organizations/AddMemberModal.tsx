import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { MemberCategory, MemberStatus, Organization } from '../../api/organization-types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { MEMBER_CATEGORIES, MEMBER_STATUSES } from '../members/member-labels';
import { useAddMember } from './useOrganizationMutations';

type Source = 'register' | 'outside';

interface MemberForm {
  source: Source;
  personId?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  category: MemberCategory;
  status: MemberStatus;
  joinedOn: Dayjs;
  post?: string;
}

/** The server's names for the fields of someone living outside the district. */
const OUTSIDE_PATHS = { 'person.name': 'name', 'person.idNumber': 'idNumber', 'person.phone': 'phone' };

/** 添加党员: a resident picked from the register, or someone living outside the district. */
export function AddMemberModal({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<MemberForm>(
    ['personId', 'name', 'idNumber', 'phone', 'category', 'status', 'joinedOn', 'post'],
    onClose,
  );
  const source = Form.useWatch('source', form);
  const mutation = useAddMember();

  const submit = (values: MemberForm) => {
    const person =
      values.source === 'register'
        ? { personId: values.personId ?? '' }
        : {
            person: {
              name: values.name?.trim() ?? '',
              idNumber: values.idNumber?.trim() ?? '',
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
            },
          };
    run(
      mutation,
      {
        organizationId: organization.id,
        ...person,
        category: values.category,
        status: values.status,
        joinedOn: values.joinedOn.format('YYYY-MM-DD'),
        ...(values.post?.trim() ? { post: values.post.trim() } : {}),
      },
      (member) => t('org.memberAdded', { name: member.name }),
      (error) => renameFieldPaths(error, OUTSIDE_PATHS),
    );
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <FormModal<MemberForm>
      title={t('org.addMemberTitle', { name: organization.name })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ source: 'register', category: 'formal', status: 'in_service' }}
    >
      <Form.Item name="source">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'register', label: t('member.fromRegister') },
            { value: 'outside', label: t('member.outside') },
          ]}
          data-testid="member-source"
        />
      </Form.Item>
      {source === 'outside' ? (
        <>
          <Form.Item name="name" label={t('member.name')} rules={required(t('member.nameRequired'))}>
            <Input maxLength={50} data-testid="member-name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('persons.idNumber')}
            rules={required(t('member.idNumberRequired'))}
          >
            <Input maxLength={18} data-testid="member-id-number" />
          </Form.Item>
          <Form.Item name="phone" label={t('persons.phone')}>
            <Input maxLength={11} data-testid="member-phone" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="personId"
          label={t('member.person')}
          extra={t('member.personHint')}
          rules={[{ required: true, message: t('member.personRequired') }]}
        >
          <PersonSearchSelect testId="member-person" />
        </Form.Item>
      )}
      <Form.Item name="category" label={t('member.category')}>
        <Select<MemberCategory>
          options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`memberCategory.${c}`) }))}
          data-testid="member-category"
        />
      </Form.Item>
      <Form.Item name="status" label={t('member.status')}>
        <Select<MemberStatus>
          options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
          data-testid="member-status"
        />
      </Form.Item>
      <Form.Item
        name="joinedOn"
        label={t('member.joinedOn')}
        rules={[{ required: true, message: t('member.joinedOnRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="member-joined" />
      </Form.Item>
      <Form.Item name="post" label={t('member.post')}>
        <Input maxLength={50} placeholder={t('member.postPlaceholder')} data-testid="member-post" />
      </Form.Item>
    </FormModal>
  );
}
