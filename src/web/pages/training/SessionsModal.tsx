import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, InputNumber, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { addSessions, trainingKeys } from '../../api/training';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  firstDate: Dayjs;
  weekdays: number[];
  startTime: Dayjs;
  endTime: Dayjs;
  count: number;
}
const FIELDS = ['firstDate', 'weekdays', 'startTime', 'endTime', 'count'] as const;

/** 批量排课: e.g. every Tuesday and Thursday 9:00–11:00 from a date, so many sessions. */
export function SessionsModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof addSessions>[1]) => addSessions(courseId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      {
        firstDate: v.firstDate.format('YYYY-MM-DD'),
        weekdays: v.weekdays,
        startTime: v.startTime.format('HH:mm'),
        endTime: v.endTime.format('HH:mm'),
        count: v.count,
      },
      () => t('training.sessionsAdded'),
    );
  return (
    <FormModal<Values>
      title={t('training.addSessions')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ weekdays: [2, 4], count: 8 }}
      okButtonProps={{ 'data-testid': 'sessions-submit' }}
    >
      <Form.Item name="firstDate" label={t('training.firstDate')} rules={[{ required: true }]}>
        <DatePicker data-testid="sessions-first-date" />
      </Form.Item>
      <Form.Item name="weekdays" label={t('training.weekdays')} rules={[{ required: true }]}>
        <CheckboxGroupField
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
            value: d,
            label: t(`training.weekday.${d}` as 'training.weekday.1'),
          }))}
        />
      </Form.Item>
      <Form.Item name="startTime" label={t('training.startTime')} rules={[{ required: true }]}>
        <TimePicker format="HH:mm" minuteStep={5} data-testid="sessions-start" />
      </Form.Item>
      <Form.Item name="endTime" label={t('training.endTime')} rules={[{ required: true }]}>
        <TimePicker format="HH:mm" minuteStep={5} data-testid="sessions-end" />
      </Form.Item>
      <Form.Item name="count" label={t('training.count')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} precision={0} data-testid="sessions-count" />
      </Form.Item>
    </FormModal>
  );
}
