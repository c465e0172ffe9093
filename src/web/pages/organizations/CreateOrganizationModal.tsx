import { Alert, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { Organization, OrganizationKind } from '../../api/organization-types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { AnchorFields, type AnchorValues, anchorOf } from './AnchorFields';
import { childKindsOf } from './organization-kinds';
import { useCreateOrganization } from './useOrganizationMutations';

interface CreateForm extends AnchorValues {
  kind: OrganizationKind;
  name: string;
}

/** A new organization under `parent` (or at the top): only the kinds the rules allow there. */
export function CreateOrganizationModal({
  parent,
  onClose,
}: {
  parent: Organization | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<CreateForm>(
    ['kind', 'name', 'anchorRegionCode', 'anchorEnterpriseId'],
    onClose,
  );
  const mutation = useCreateOrganization();
  const kind = Form.useWatch('kind', form);
  const kinds = childKindsOf(parent?.kind ?? null);

  const submit = (values: CreateForm) =>
    run(
      mutation,
      { kind: values.kind, name: values.name.trim(), parentId: parent?.id ?? null, ...anchorOf(values) },
      (created) => {
        navigate(`/organizations/${created.id}`);
        return t('org.created', { name: created.name });
      },
    );

  return (
    <FormModal<CreateForm>
      title={parent ? t('org.createChildTitle', { name: parent.name }) : t('org.createRoot')}
      okText={t('common.create')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ anchorType: 'region' }}
      onValuesChange={(changed: Partial<CreateForm>) => {
        // Another kind may allow other anchors: the chosen one would be refused.
        if ('kind' in changed)
          form.setFieldsValue({ anchorRegionCode: undefined, anchorEnterpriseId: undefined });
      }}
    >
      {parent && (
        <Alert
          type="info"
          showIcon
          title={t('org.createUnder', { name: parent.name })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="kind"
        label={t('org.kind')}
        rules={[{ required: true, message: t('org.kindRequired') }]}
      >
        <Select<OrganizationKind>
          options={kinds.map((k) => ({
            value: k,
            label: <span data-testid={`org-kind-option-${k}`}>{t(`orgKind.${k}`)}</span>,
          }))}
          data-testid="org-kind"
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('org.name')}
        rules={[
          { required: true, whitespace: true, message: t('org.nameRequired') },
          { max: 100, message: t('org.nameTooLong') },
        ]}
      >
        <Input placeholder={t('org.namePlaceholder')} maxLength={100} data-testid="org-name-input" />
      </Form.Item>
      <AnchorFields kind={kind} />
    </FormModal>
  );
}
