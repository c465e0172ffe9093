import { useQuery } from '@tanstack/react-query';
import { App, Form, Modal, Select } from 'antd';
import { KIND_RULES } from '../../../shared/organization-rules';
import type { Organization } from '../../api/organization-types';
import { organizationsInScopeQuery } from '../../api/organizations';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'parentId',
    'anchorRegionCode',
    'anchorEnterpriseId',
  ]);
  const organizations = useQuery(organizationsInScopeQuery());
  const mutation = useMoveOrganization(organization.id);
  const rule = KIND_RULES[organization.kind];
  const parents = (organizations.data ?? []).filter(
    (o) => o.id !== organization.id && rule.parents.includes(o.kind),
  );

  const submit = (values: MoveForm) => {
    clearFormError();
    mutation.mutate(
      { parentId: values.parentId || null, ...anchorOf(values) },
      {
        onSuccess: () => {
          void message.success(t('org.moved', { name: organization.name }));
          onClose();
        },
        onError: onServerError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('org.moveTitle', { name: organization.name })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<MoveForm>
        form={form}
        layout="vertical"
        onFinish={submit}
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
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
