import type { UseMutationResult } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import type { Region } from '../../api/types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

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
  /** What to say once the region is saved (created, renamed). */
  doneText: (region: Region) => string;
  onClose: () => void;
}

/**
 * The one-field form behind "new grid", "new building" and "rename". Mount it only while open:
 * each table row has one, and hidden copies would repeat the same field ids on the page.
 */
export function RegionNameModal<V>(props: Props<V>) {
  const { title, okText, placeholder, initialName, mutation, toVariables, doneText, onClose } = props;
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<NameForm>(['name'], onClose);

  return (
    <FormModal<NameForm>
      title={title}
      okText={okText}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={({ name }) => run(mutation, toVariables(name.trim()), doneText)}
      onClose={onClose}
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
    </FormModal>
  );
}
