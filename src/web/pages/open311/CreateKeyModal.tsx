import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { createOpen311Key, type NewOpen311Key, type Open311Key, open311KeyKeys } from '../../api/open311';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

/** Name and unit of a new key; requests POSTed with it become work orders of that unit. */
export function CreateKeyModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  /** The key in clear, shown once by the caller; this modal closes itself. */
  onCreated: (created: Open311Key & { key: string }) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<NewOpen311Key>(['name', 'regionCode'], onClose);
  const mutation = useMutation({
    mutationFn: createOpen311Key,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: open311KeyKeys.all }),
  });

  const submit = (values: NewOpen311Key) =>
    run(mutation, { name: values.name.trim(), regionCode: values.regionCode }, (created) => {
      onCreated(created);
      return null; // the caller's next modal shows the key
    });

  return (
    <FormModal<NewOpen311Key>
      title={t('open311.create')}
      okText={t('common.create')}
      okButtonProps={{ 'data-testid': 'open311-create-submit' }}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('open311.name')}
        extra={t('open311.nameHint')}
        rules={[{ required: true, whitespace: true, message: t('open311.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="open311-name" />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('open311.region')}
        extra={t('open311.regionHint')}
        rules={[{ required: true, message: t('open311.regionRequired') }]}
      >
        <RegionTreeSelect
          testId="open311-region"
          kinds={['district', 'street', 'town', 'community', 'village']}
        />
      </Form.Item>
    </FormModal>
  );
}
