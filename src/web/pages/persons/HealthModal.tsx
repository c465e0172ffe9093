import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { HealthRecord, PersonDetail } from '../../api/types';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { useSaveHealth } from './usePersonMutations';

interface HealthForm {
  conditions?: string;
  doctorContact?: string;
  lastCheckup?: Dayjs | null;
}

interface Props {
  person: PersonDetail;
  /** The record as revealed on the page, to edit; null when it is hidden (or there is none). */
  current: HealthRecord | null;
  onClose: () => void;
}

/** Creates or replaces the health record (stored encrypted; saving is audited). */
export function HealthModal({ person, current, onClose }: Props) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<HealthForm>(['conditions', 'doctorContact'], onClose);
  const save = useSaveHealth(person.id);

  const submit = (values: HealthForm) =>
    run(
      save,
      {
        conditions: values.conditions?.trim() ?? '',
        doctorContact: values.doctorContact?.trim() ?? '',
        lastCheckup: values.lastCheckup ? values.lastCheckup.format('YYYY-MM-DD') : '',
      },
      () => t('health.saved'),
    );

  return (
    <FormModal<HealthForm>
      title={t('health.editTitle', { name: person.name })}
      form={form}
      formError={formError}
      pending={save.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        conditions: current?.conditions ?? '',
        doctorContact: current?.doctorContact ?? '',
        lastCheckup: current?.lastCheckup ? dayjs(current.lastCheckup) : null,
      }}
    >
      {person.hasHealthRecord && !current && (
        <Alert type="warning" showIcon title={t('health.replaceHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="conditions" label={t('health.conditions')}>
        <Input.TextArea rows={4} maxLength={1000} showCount data-testid="health-conditions" />
      </Form.Item>
      <Form.Item name="doctorContact" label={t('health.doctorContact')}>
        <Input maxLength={200} data-testid="health-doctor" />
      </Form.Item>
      <Form.Item name="lastCheckup" label={t('health.lastCheckup')}>
        <DatePicker style={{ width: 200 }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
