import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { RELOCATION_PROGRAMS, RELOCATION_SUBJECTS } from '../../../shared/api/relocation';
import { type CaseInput, createCase, relocationKeys } from '../../api/relocation';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';
import { dm2Of } from './format';

interface Values {
  subject: CaseInput['subject'];
  subjectId: string;
  program: CaseInput['program'];
  landArea?: number;
  houseArea?: number;
  surveyedOn: Dayjs;
  note?: string;
}

const FIELDS = ['subject', 'subjectId', 'program', 'landArea', 'houseArea', 'surveyedOn', 'note'] as const;

/** 登记搬迁案件: the survey of a household or an enterprise, with land and house area in m². */
export function NewCaseModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: createCase,
    onSuccess: () => client.invalidateQueries({ queryKey: relocationKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      {
        subject: v.subject,
        subjectId: v.subjectId.trim(),
        program: v.program,
        landAreaDm2: dm2Of(v.landArea),
        houseAreaDm2: dm2Of(v.houseArea),
        surveyedOn: v.surveyedOn.format('YYYY-MM-DD'),
        note: v.note ?? '',
      },
      (created) => {
        void navigate(`/relocation/${created.id}`);
        return t('relocation.created');
      },
      (error) => renameFieldPaths(error, { landAreaDm2: 'landArea', houseAreaDm2: 'houseArea' }),
    );
  return (
    <FormModal<Values>
      title={t('relocation.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ subject: 'household', program: 'land', surveyedOn: dayjs().tz(ZONE) }}
      okButtonProps={{ 'data-testid': 'case-submit' }}
    >
      <Form.Item name="subject" label={t('relocation.subject')} rules={[{ required: true }]}>
        <Select
          options={RELOCATION_SUBJECTS.map((s) => ({ value: s, label: t(`relocation.subject.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="subjectId" label={t('relocation.subjectId')} rules={[{ required: true }]}>
        <Input data-testid="case-subject" />
      </Form.Item>
      <Form.Item name="program" label={t('relocation.program')} rules={[{ required: true }]}>
        <Select
          options={RELOCATION_PROGRAMS.map((p) => ({ value: p, label: t(`relocation.program.${p}`) }))}
        />
      </Form.Item>
      <Form.Item name="landArea" label={t('relocation.landArea')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="case-land" />
      </Form.Item>
      <Form.Item name="houseArea" label={t('relocation.houseArea')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="case-house" />
      </Form.Item>
      <Form.Item name="surveyedOn" label={t('relocation.surveyedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('relocation.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
