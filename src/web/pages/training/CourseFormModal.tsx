import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { COURSE_KINDS, type CourseBody, TARGET_GROUPS } from '../../../shared/api/training';
import { createCourse, trainingKeys } from '../../api/training';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

type Values = Required<Pick<CourseBody, 'title' | 'kind' | 'place' | 'regionCode' | 'capacity'>> & {
  skills?: string[];
  targetGroups?: CourseBody['targetGroups'];
  hasAssessment?: boolean;
  completionPct?: number;
  warningPct?: number;
  description?: string;
};

const FIELDS = [
  'title',
  'kind',
  'place',
  'regionCode',
  'capacity',
  'skills',
  'targetGroups',
  'hasAssessment',
  'completionPct',
  'warningPct',
  'description',
] as const;

/** 新建培训课程: what it teaches, to whom, where, how many places, and its completion rule. */
export function CourseFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: createCourse,
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
  const submit = (v: Values) =>
    run(mutation, { ...v, skills: v.skills ?? [], targetGroups: v.targetGroups ?? [] }, () =>
      t('training.created'),
    );
  return (
    <FormModal<Values>
      title={t('training.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        kind: 'vocational',
        capacity: 30,
        completionPct: 80,
        warningPct: 60,
        hasAssessment: false,
      }}
      okButtonProps={{ 'data-testid': 'course-submit' }}
    >
      <Form.Item name="title" label={t('training.title')} rules={[{ required: true }]}>
        <Input maxLength={100} data-testid="course-title" />
      </Form.Item>
      <Form.Item name="kind" label={t('training.kind')} rules={[{ required: true }]}>
        <Select options={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('training.region')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="course-region" />
      </Form.Item>
      <Form.Item name="place" label={t('training.place')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="course-place" />
      </Form.Item>
      <Form.Item name="skills" label={t('training.skills')}>
        <Select mode="tags" data-testid="course-skills" />
      </Form.Item>
      <Form.Item name="targetGroups" label={t('training.targetGroups')}>
        <Select
          mode="multiple"
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`training.group.${g}`) }))}
        />
      </Form.Item>
      <Form.Item name="capacity" label={t('training.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={500} precision={0} data-testid="course-capacity" />
      </Form.Item>
      <Form.Item name="hasAssessment" label={t('training.hasAssessment')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="completionPct" label={t('training.completionPct')}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="warningPct" label={t('training.warningPct')}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
