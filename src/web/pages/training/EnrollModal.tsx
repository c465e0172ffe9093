import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { enrollPerson, trainingKeys } from '../../api/training';
import { FormModal, useModalForm } from '../../components/FormModal';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  personId: string;
}

/** 报名: a resident picked from the register (a full course puts them on the waiting list). */
export function EnrollModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['personId'], onClose);
  const mutation = useMutation({
    mutationFn: (personId: string) => enrollPerson(courseId, personId),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
  return (
    <FormModal<Values>
      title={t('training.enroll')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v.personId, () => t('training.enrolled'))}
      onClose={onClose}
      okButtonProps={{ 'data-testid': 'enroll-submit' }}
    >
      <Form.Item name="personId" label={t('training.person')} rules={[{ required: true }]}>
        <PersonSearchSelect testId="enroll-person" />
      </Form.Item>
    </FormModal>
  );
}
