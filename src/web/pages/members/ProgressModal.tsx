import { Form, Input, Slider } from 'antd';
import type { Commitment } from '../../api/organization-types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { useReportProgress } from './useCommitmentMutations';

interface ProgressForm {
  progress: number;
  note: string;
}

/** 更新进度: how far the commitment has come, and what was done. */
export function ProgressModal({ commitment, onClose }: { commitment: Commitment; onClose: () => void }) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<ProgressForm>(['progress', 'note'], onClose);
  const mutation = useReportProgress(commitment.id);

  const submit = (values: ProgressForm) =>
    run(mutation, { progress: values.progress, note: values.note.trim() }, () =>
      t('commitment.progressSaved'),
    );

  return (
    <FormModal<ProgressForm>
      title={t('commitment.updateProgress')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
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
    </FormModal>
  );
}
