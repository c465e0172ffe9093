import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { KIND_RULES } from '../../../shared/organization-rules';
import type { Organization } from '../../api/organization-types';
import { organizationsInScopeQuery } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { AnchorFields, type AnchorValues, anchorOf } from './AnchorFields';
import { useMoveOrganization } from './useOrganizationMutations';

/** The "no parent" choice of the parent select (a top organization). */
const TOP = '';

interface MoveForm extends AnchorValues {
  parentId: string;
}

/** 迁移: a new parent and/or anchor; the history keeps where it was. */
export function MoveOrganizationModal({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<MoveForm>(
    ['parentId', 'anchorRegionCode', 'anchorEnterpriseId'],
    onClose,
  );
  const organizations = useQuery(organizationsInScopeQuery());
  const mutation = useMoveOrganization(organization.id);
  const rule = KIND_RULES[organization.kind];
  const parents = (organizations.data ?? []).filter(
    (o) => o.id !== organization.id && rule.parents.includes(o.kind),
  );

  const submit = (values: MoveForm) =>
    run(mutation, { parentId: values.parentId || null, ...anchorOf(values) }, () =>
      t('org.moved', { name: organization.name }),
    );

  return (
    <FormModal<MoveForm>
      title={t('org.moveTitle', { name: organization.name })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        parentId: organization.parentId ?? TOP,
        anchorType: organization.anchorEnterpriseId ? 'enterprise' : 'region',
        anchorRegionCode: organization.anchorRegionCode ?? undefined,
        anchorEnterpriseId: organization.anchorEnterpriseId ?? undefined,
      }}
    >
      <Form.Item name="parentId" label={t('org.parent')}>
        <Select<string>
          loading={organizations.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            ...(rule.parents.includes(null) ? [{ value: TOP, label: t('org.noParent') }] : []),
            ...parents.map((o) => ({ value: o.id, label: `${o.name}（${t(`orgKind.${o.kind}`)}）` })),
          ]}
          data-testid="move-parent"
        />
      </Form.Item>
      <AnchorFields kind={organization.kind} />
    </FormModal>
  );
}
