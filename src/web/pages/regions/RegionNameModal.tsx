import type { UseMutationResult } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import type { Region } from '../../api/types';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';

interface NameForm {
  name: string;
}

interface Props<V> {
  title: string;
  okText: string;
  placeholder?: string;
  initialName?: string;
  mutation: UseMutationResult<Region, Error, V>;
  toVariables: (name: string) => V;
  onDone: (region: Region) => void;
  onClose: () => void;
}

/**
 * The one-field form behind "new grid", "new building" and "rename". Mount it only while open:
 * each table row has one, and hidden copies would repeat the same field ids on the page.
 */
export function RegionNameModal<V>(props: Props<V>) {
  const { title, okText, placeholder, initialName, mutation, toVariables, onDone, onClose } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<NameForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['name']);

  const submit = ({ name }: NameForm) => {
    clearFormError();
    mutation.mutate(toVariables(name.trim()), {
      onSuccess: (region) => {
        onDone(region);
        onClose();
      },
      onError: onServerError,
    });
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<NameForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: initialName ?? '' }}
      >
        <Form.Item
          name="name"
          label={t('region.name')}
          rules={[
            { required: true, whitespace: true, message: t('region.nameRequired') },
            { max: 50, message: t('region.nameTooLong') },
          ]}
        >
          <Input placeholder={placeholder} maxLength={50} autoFocus data-testid="region-name-input" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
