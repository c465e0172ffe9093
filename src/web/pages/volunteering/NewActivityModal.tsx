import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ACTIVITY_AREAS, type ActivityArea, SIGNUP_MODES, type Team } from '../../../shared/api/volunteering';
import { createActivity, volunteeringKeys } from '../../api/volunteering';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';

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

const FIELDS = [
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

/** The server names the one shift this form sends `shifts.0.…`; the form keeps them flat. */
const SHIFT_PATHS = {
  'shifts.0.role': 'role',
  'shifts.0.needed': 'needed',
  'shifts.0.skills': 'skills',
  'shifts.0.startsAt': 'startsAt',
  'shifts.0.endsAt': 'endsAt',
};

/** A native date-time field (phones show their own picker) read as Beijing time. */
const beijing = (local: string) => (local ? `${local}:00+08:00` : '');

/** 发布活动: one shift here; the API takes up to twenty. A new activity opens its page. */
export function NewActivityModal({ teams, onClose }: { teams: Team[]; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
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
    onSuccess: () => client.invalidateQueries({ queryKey: volunteeringKeys.all }),
  });
  return (
    <FormModal<Values>
      title={t('vol.newActivity')}
      form={form}
      formError={formError}
      pending={save.isPending}
      onFinish={(v) =>
        run(
          save,
          v,
          (created) => {
            navigate(`/volunteering/activities/${created.id}`);
            return null;
          },
          (error) => renameFieldPaths(error, SHIFT_PATHS),
        )
      }
      onClose={onClose}
      initialValues={{ signupMode: 'open', cancelCutoffHours: 2, needed: 2, area: ACTIVITY_AREAS[1] }}
      okButtonProps={{ 'data-testid': 'activity-save' }}
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
    </FormModal>
  );
}
