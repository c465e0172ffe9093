import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { type MeetingDetail, meetingKeys, submitMeeting } from '../../api/meetings';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  decisions: { text: string; ownerMemberId?: string; dueOn?: Dayjs }[];
}

/** 报送审核: the meeting's decisions, each with its owner and due date, become tracked tasks. */
export function SubmitMeetingModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['decisions'], onClose);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      submitMeeting(meeting.id, {
        decisions: (v.decisions ?? []).map((d) => ({
          text: d.text ?? '',
          ownerMemberId: d.ownerMemberId,
          dueOn: d.dueOn ? d.dueOn.format('YYYY-MM-DD') : '',
        })),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.all }),
  });
  const owners = meeting.attendance.map((a) => ({ value: a.memberId, label: a.name }));
  return (
    <FormModal<Values>
      title={t('meetings.submit')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('meetings.submitted'))}
      onClose={onClose}
      initialValues={{ decisions: [] }}
      okButtonProps={{ 'data-testid': 'meeting-submit-ok' }}
    >
      <Form.Item label={t('meetings.decisions')}>
        <Form.List name="decisions">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} wrap align="baseline">
                  <Form.Item name={[row.name, 'text']} rules={[{ required: true }]}>
                    <Input placeholder={t('meetings.decision')} maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'ownerMemberId']}>
                    <Select
                      allowClear
                      placeholder={t('meetings.decisionOwner')}
                      options={owners}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'dueOn']} rules={[{ required: true }]}>
                    <DatePicker placeholder={t('meetings.dueOn')} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(row.name)}>
                    ✕
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add()} data-testid="meeting-add-decision">
                {t('meetings.addDecision')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
