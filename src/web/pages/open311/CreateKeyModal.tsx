import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { createOpen311Key, type NewOpen311Key, type Open311Key, open311KeyKeys } from '../../api/open311';
import { FormError } from '../../components/FormError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';

/** Name and unit of a new key; requests POSTed with it become work orders of that unit. */
export function CreateKeyModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: Open311Key & { key: string }) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewOpen311Key>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['name', 'regionCode']);
  const mutation = useMutation({
    mutationFn: createOpen311Key,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: open311KeyKeys.all }),
  });

  const submit = (values: NewOpen311Key) => {
    clearFormError();
    mutation.mutate(
      { name: values.name.trim(), regionCode: values.regionCode },
      { onSuccess: onCreated, onError: onServerError },
    );
  };

  return (
    <Modal
      open
      title={t('open311.create')}
      okText={t('common.create')}
      okButtonProps={{ 'data-testid': 'open311-create-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<NewOpen311Key> form={form} layout="vertical" onFinish={submit}>
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
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
