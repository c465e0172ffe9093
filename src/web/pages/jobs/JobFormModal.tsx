import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EDUCATION_LEVELS } from '../../../shared/api/jobs';
import { createJob, createMyJob, type JobInput, jobKeys, myEnterprisesQuery } from '../../api/jobs';
import { enterprisesQuery } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  enterpriseId: string;
  title: string;
  description?: string;
  openings: number;
  skills?: string[];
  education: JobInput['education'];
  salaryMinFen: number;
  salaryMaxFen: number;
  regionCode: string;
  validUntil: Dayjs;
  publicService?: boolean;
}

const FIELDS = [
  'enterpriseId',
  'title',
  'description',
  'openings',
  'skills',
  'education',
  'salaryMinFen',
  'salaryMaxFen',
  'regionCode',
  'validUntil',
  'publicService',
] as const;

/**
 * 发布岗位: staff post for an enterprise of their area; an enterprise contact (`asContact`) for
 * their own enterprise. Pay is typed in yuan and sent in fen. The place is picked from the region
 * tree, which shows each user their own jurisdiction: for a contact, the area their role was
 * given in (region.read), all of it inside their enterprise's district as the server requires.
 */
export function JobFormModal({ asContact, onClose }: { asContact: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const staffEnterprises = useQuery({ ...enterprisesQuery, enabled: !asContact });
  const ownEnterprises = useQuery({ ...myEnterprisesQuery, enabled: asContact });
  const options = asContact
    ? (ownEnterprises.data?.items ?? []).map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))
    : (staffEnterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }));
  const mutation = useMutation({
    mutationFn: (body: JobInput) => (asContact ? createMyJob(body) : createJob(body)),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      {
        ...v,
        skills: v.skills ?? [],
        salaryMinFen: Math.round(v.salaryMinFen * 100),
        salaryMaxFen: Math.round(v.salaryMaxFen * 100),
        validUntil: v.validUntil.format('YYYY-MM-DD'),
        publicService: v.publicService ?? false,
      },
      () => t('jobs.created'),
    );
  return (
    <FormModal<Values>
      title={t('jobs.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        openings: 1,
        education: 'none',
        // One enterprise (a contact's usual case) need not be chosen; a job runs a month unless told.
        ...(options.length === 1 ? { enterpriseId: options[0]!.value } : {}),
        validUntil: dayjs().add(30, 'day'),
      }}
      okButtonProps={{ 'data-testid': 'job-submit' }}
    >
      <Form.Item name="enterpriseId" label={t('jobs.enterprise')} rules={[{ required: true }]}>
        <Select options={options} data-testid="job-enterprise" />
      </Form.Item>
      <Form.Item name="title" label={t('jobs.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} data-testid="job-title" />
      </Form.Item>
      <Form.Item name="openings" label={t('jobs.openings')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="skills" label={t('jobs.skills')}>
        <Select mode="tags" data-testid="job-skills" />
      </Form.Item>
      <Form.Item name="education" label={t('jobs.education')} rules={[{ required: true }]}>
        <Select options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`jobs.edu.${e}`) }))} />
      </Form.Item>
      <Form.Item name="salaryMinFen" label={t('jobs.salaryMin')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1_000_000} precision={0} data-testid="job-salary-min" />
      </Form.Item>
      <Form.Item name="salaryMaxFen" label={t('jobs.salaryMax')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1_000_000} precision={0} data-testid="job-salary-max" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('jobs.place')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="job-region" />
      </Form.Item>
      <Form.Item name="validUntil" label={t('jobs.validUntil')} rules={[{ required: true }]}>
        <DatePicker data-testid="job-valid-until" />
      </Form.Item>
      <Form.Item name="description" label={t('jobs.description')}>
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
      <Form.Item name="publicService" valuePropName="checked">
        <Checkbox>{t('jobs.publicService')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
