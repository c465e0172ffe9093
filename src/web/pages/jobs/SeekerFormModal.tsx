import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, InputNumber, Select } from 'antd';
import { AVAILABILITIES, EDUCATION_LEVELS } from '../../../shared/api/jobs';
import { jobKeys, registerSeeker, type SeekerInput } from '../../api/jobs';
import { FormModal, useModalForm } from '../../components/FormModal';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  personId: string;
  skills?: string[];
  wantedJobs?: string[];
  education: SeekerInput['education'];
  expectedSalaryFen?: number | null;
  availability: SeekerInput['availability'];
}

const FIELDS = [
  'personId',
  'skills',
  'wantedJobs',
  'education',
  'expectedSalaryFen',
  'availability',
] as const;

/** 求职登记: a registration made from a person of the register (a candidate, or found by name). */
export function SeekerFormModal({ personId, onClose }: { personId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: registerSeeker,
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      {
        ...v,
        skills: v.skills ?? [],
        wantedJobs: v.wantedJobs ?? [],
        expectedSalaryFen:
          v.expectedSalaryFen === undefined || v.expectedSalaryFen === null
            ? null
            : Math.round(v.expectedSalaryFen * 100),
      },
      () => t('jobs.registered'),
    );
  return (
    <FormModal<Values>
      title={t('jobs.register')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ personId, education: 'junior', availability: 'immediate' }}
      okButtonProps={{ 'data-testid': 'seeker-submit' }}
    >
      <Form.Item
        name="personId"
        label={t('jobs.person')}
        rules={[{ required: true }]}
        hidden={personId !== undefined}
      >
        <PersonSearchSelect testId="seeker-person" />
      </Form.Item>
      <Form.Item name="skills" label={t('jobs.seekerSkills')}>
        <Select mode="tags" data-testid="seeker-skills" />
      </Form.Item>
      <Form.Item name="wantedJobs" label={t('jobs.wanted')}>
        <Select mode="tags" />
      </Form.Item>
      <Form.Item name="education" label={t('jobs.education')} rules={[{ required: true }]}>
        <Select options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`jobs.edu.${e}`) }))} />
      </Form.Item>
      <Form.Item name="expectedSalaryFen" label={t('jobs.expectedSalary')}>
        <InputNumber min={0} max={1_000_000} precision={0} />
      </Form.Item>
      <Form.Item name="availability" label={t('jobs.availability')} rules={[{ required: true }]}>
        <Select options={AVAILABILITIES.map((a) => ({ value: a, label: t(`jobs.availability.${a}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
