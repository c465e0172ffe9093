import { App, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';
import { useCreateCommitment } from './useCommitmentMutations';

interface CommitmentForm {
  year: number;
  content: string;
}

/** 新增承诺: this year's (or next year's, or last year's written up late) public commitment. */
export function CommitmentModal({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitmentForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['year', 'content']);
  const mutation = useCreateCommitment(memberId);
  const year = dayjs().tz(ZONE).year();

  const submit = (values: CommitmentForm) => {
    clearFormError();
    mutation.mutate(
      { year: values.year, content: values.content.trim() },
      {
        onSuccess: () => {
          void message.success(t('commitment.added'));
          onClose();
        },
        onError: onServerError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('commitment.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<CommitmentForm> form={form} layout="vertical" onFinish={submit} initialValues={{ year }}>
        <Form.Item name="year" label={t('commitment.yearLabel')}>
          <Select<number> options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('commitment.content')}
          rules={[{ required: true, whitespace: true, message: t('commitment.contentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="commitment-content" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
