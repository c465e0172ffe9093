import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, Select } from 'antd';
import type { Team } from '../../../shared/api/volunteering';
import { createVolunteer, volunteeringKeys } from '../../api/volunteering';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';

interface Values {
  teamId: string;
  personId: string;
  skills: string[];
}

/** 登记志愿者: a resident of the register joins a team. */
export function NewVolunteerModal({ teams, onClose }: { teams: Team[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'teamId',
    'personId',
    'skills',
  ]);
  const save = useMutation({
    mutationFn: (v: Values) => createVolunteer({ ...v, skills: v.skills ?? [] }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: volunteeringKeys.all });
      onClose();
    },
    onError: onServerError,
  });
  return (
    <Modal
      open
      title={t('vol.addVolunteer')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onValuesChange={clearFormError}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="teamId" label={t('vol.team')} rules={[{ required: true }]}>
          <Select options={teams.map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="personId" label={t('vol.person')} rules={[{ required: true }]}>
          <PersonSearchSelect />
        </Form.Item>
        <Form.Item name="skills" label={t('vol.skills')}>
          <Select mode="tags" />
        </Form.Item>
        {formError && <Alert type="error" title={formError} />}
      </Form>
    </Modal>
  );
}
