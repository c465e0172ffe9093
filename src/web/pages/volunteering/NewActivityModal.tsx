import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ACTIVITY_AREAS, type ActivityArea, SIGNUP_MODES, type Team } from '../../../shared/api/volunteering';
import { createActivity, volunteeringKeys } from '../../api/volunteering';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths, useServerErrors } from '../../lib/form-errors';

interface Values {
  teamId: string;
  area: ActivityArea;
  title: string;
  description: string;
  place: string;
  signupMode: (typeof SIGNUP_MODES)[number];
  cancelCutoffHours: number;
  role: string;
  needed: number;
  skills: string[];
  startsAt: string;
  endsAt: string;
}

/** A native date-time field (phones show their own picker) read as Beijing time. */
const beijing = (local: string) => (local ? `${local}:00+08:00` : '');

/** 发布活动: one shift here; the API takes up to twenty. */
export function NewActivityModal({ teams, onClose }: { teams: Team[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const fields = [
    'teamId',
    'area',
    'title',
    'description',
    'place',
    'signupMode',
    'cancelCutoffHours',
    'role',
    'needed',
    'skills',
    'startsAt',
    'endsAt',
  ] as const;
  const { formError, clearFormError, onServerError } = useServerErrors(form, fields);
  const save = useMutation({
    mutationFn: (v: Values) =>
      createActivity({
        teamId: v.teamId,
        area: v.area,
        title: v.title,
        description: v.description ?? '',
        place: v.place,
        signupMode: v.signupMode,
        cancelCutoffHours: v.cancelCutoffHours,
        shifts: [
          {
            role: v.role,
            needed: v.needed,
            skills: v.skills ?? [],
            startsAt: beijing(v.startsAt),
            endsAt: beijing(v.endsAt),
          },
        ],
      }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: volunteeringKeys.all });
      onClose();
      navigate(`/volunteering/activities/${created.id}`);
    },
    onError: (error) =>
      onServerError(
        renameFieldPaths(error, {
          'shifts.0.role': 'role',
          'shifts.0.needed': 'needed',
          'shifts.0.skills': 'skills',
          'shifts.0.startsAt': 'startsAt',
          'shifts.0.endsAt': 'endsAt',
        }),
      ),
  });
  return (
    <Modal
      open
      title={t('vol.newActivity')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'activity-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ signupMode: 'open', cancelCutoffHours: 2, needed: 2, area: ACTIVITY_AREAS[1] }}
        onValuesChange={clearFormError}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="teamId" label={t('vol.team')} rules={[{ required: true }]}>
          <Select
            data-testid="activity-team"
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item name="area" label={t('vol.area')} rules={[{ required: true }]}>
          <Select options={ACTIVITY_AREAS.map((a) => ({ value: a, label: a }))} />
        </Form.Item>
        <Form.Item name="title" label={t('vol.title')} rules={[{ required: true }]}>
          <Input data-testid="activity-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('vol.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="place" label={t('vol.place')} rules={[{ required: true }]}>
          <Input data-testid="activity-place" maxLength={200} />
        </Form.Item>
        <Form.Item name="signupMode" label={t('vol.signupMode')}>
          <Select options={SIGNUP_MODES.map((m) => ({ value: m, label: t(`vol.mode.${m}`) }))} />
        </Form.Item>
        <Form.Item name="cancelCutoffHours" label={t('vol.cutoff')}>
          <InputNumber min={0} max={168} />
        </Form.Item>
        <Form.Item name="role" label={t('vol.role')} rules={[{ required: true }]}>
          <Input data-testid="shift-role" maxLength={50} />
        </Form.Item>
        <Form.Item name="needed" label={t('vol.needed')}>
          <InputNumber data-testid="shift-needed" min={1} max={500} />
        </Form.Item>
        <Form.Item name="skills" label={t('vol.skills')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('vol.startsAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="shift-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('vol.endsAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="shift-ends" />
        </Form.Item>
        {formError && <Alert type="error" title={formError} />}
      </Form>
    </Modal>
  );
}
