import { Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';
import { useCreateCommitment } from './useCommitmentMutations';

interface CommitmentForm {
  year: number;
  content: string;
}

/** 新增承诺: this year's (or next year's, or last year's written up late) public commitment. */
export function CommitmentModal({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<CommitmentForm>(['year', 'content'], onClose);
  const mutation = useCreateCommitment(memberId);
  const year = dayjs().tz(ZONE).year();

  const submit = (values: CommitmentForm) =>
    run(mutation, { year: values.year, content: values.content.trim() }, () => t('commitment.added'));

  return (
    <FormModal<CommitmentForm>
      title={t('commitment.add')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ year }}
    >
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
    </FormModal>
  );
}
