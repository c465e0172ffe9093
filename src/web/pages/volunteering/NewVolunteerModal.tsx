import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import type { Team } from '../../../shared/api/volunteering';
import { createVolunteer, volunteeringKeys } from '../../api/volunteering';
import { FormModal, useModalForm } from '../../components/FormModal';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  teamId: string;
  personId: string;
  skills?: string[];
}

/** 登记志愿者: a resident of the register joins a team. */
export function NewVolunteerModal({ teams, onClose }: { teams: Team[]; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['teamId', 'personId', 'skills'], onClose);
  const save = useMutation({
    mutationFn: (v: Values) => createVolunteer({ ...v, skills: v.skills ?? [] }),
    onSuccess: () => client.invalidateQueries({ queryKey: volunteeringKeys.all }),
  });
  return (
    <FormModal<Values>
      title={t('vol.addVolunteer')}
      form={form}
      formError={formError}
      pending={save.isPending}
      onFinish={(v) => run(save, v, () => t('vol.saved'))}
      onClose={onClose}
      okButtonProps={{ 'data-testid': 'volunteer-save' }}
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
    </FormModal>
  );
}
