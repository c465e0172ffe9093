import { App, Form, Input, Modal, Slider } from 'antd';
import type { Commitment } from '../../api/organization-types';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { useReportProgress } from './useCommitmentMutations';

interface ProgressForm {
  progress: number;
  note: string;
}

/** 更新进度: how far the commitment has come, and what was done. */
export function ProgressModal({ commitment, onClose }: { commitment: Commitment; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['progress', 'note']);
  const mutation = useReportProgress(commitment.id);

  const submit = (values: ProgressForm) => {
    clearFormError();
    mutation.mutate(
      { progress: values.progress, note: values.note.trim() },
      {
        onSuccess: () => {
          void message.success(t('commitment.progressSaved'));
          onClose();
        },
        onError: onServerError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('commitment.updateProgress')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<ProgressForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ progress: commitment.progress }}
      >
        <Form.Item name="progress" label={t('commitment.progress')}>
          <Slider marks={{ 0: '0%', 50: '50%', 100: '100%' }} step={10} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('commitment.note')}
          rules={[{ required: true, whitespace: true, message: t('commitment.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="progress-note" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
