import { Form, Input } from 'antd';
import type { NewEnterprise } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { creditCodeRule } from '../../lib/credit-code-rule';
import { useCreateEnterprise } from '../organizations/useOrganizationMutations';

/** A new enterprise; the server checks the unified social credit code and shows why on the field. */
export function CreateEnterpriseModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<NewEnterprise>(
    ['name', 'creditCode', 'address', 'regionCode'],
    onClose,
  );
  const mutation = useCreateEnterprise();

  const submit = (values: NewEnterprise) =>
    run(
      mutation,
      {
        name: values.name.trim(),
        creditCode: values.creditCode.trim().toUpperCase(),
        regionCode: values.regionCode,
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      },
      (created) => t('enterprise.created', { name: created.name }),
    );

  return (
    <FormModal<NewEnterprise>
      title={t('enterprise.create')}
      okText={t('common.create')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('enterprise.name')}
        rules={[{ required: true, whitespace: true, message: t('enterprise.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="enterprise-name" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('enterprise.creditCode')}
        extra={t('enterprise.creditCodeHint')}
        rules={[
          { required: true, whitespace: true, message: t('enterprise.creditCodeRequired') },
          creditCodeRule(t),
        ]}
        validateTrigger="onBlur"
      >
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="enterprise-credit-code" />
      </Form.Item>
      <Form.Item name="address" label={t('enterprise.address')}>
        <Input maxLength={200} data-testid="enterprise-address" />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('enterprise.region')}
        rules={[{ required: true, message: t('enterprise.regionRequired') }]}
      >
        <RegionTreeSelect testId="enterprise-region" />
      </Form.Item>
    </FormModal>
  );
}
