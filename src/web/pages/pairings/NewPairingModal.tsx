import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { PAIRING_HELPER_KINDS, PAIRING_TARGET_KINDS } from '../../../shared/api/pairings';
import { createPairing, type PairingInput, pairingKeys } from '../../api/pairings';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';
import { useMe } from '../../session/useMe';

interface Values {
  helperKind: PairingInput['helperKind'];
  helperId: string;
  targetKind: PairingInput['targetKind'];
  targetId: string;
  goals: string;
  plan: string;
  startedOn: Dayjs;
}

const FIELDS = ['helperKind', 'helperId', 'targetKind', 'targetId', 'goals', 'plan', 'startedOn'] as const;

/** 新建结对: a helper (the signed-in cadre by default) and a target, with goals and plan. */
export function NewPairingModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: createPairing,
    onSuccess: () => client.invalidateQueries({ queryKey: pairingKeys.all }),
  });
  const submit = (v: Values) =>
    run(mutation, { ...v, startedOn: v.startedOn.format('YYYY-MM-DD') }, (created) => {
      void navigate(`/pairings/${created.id}`);
      return t('pairings.created');
    });
  return (
    <FormModal<Values>
      title={t('pairings.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{
        helperKind: 'user',
        helperId: me.id,
        targetKind: 'household',
        startedOn: dayjs().tz(ZONE),
      }}
      okButtonProps={{ 'data-testid': 'pairing-submit' }}
    >
      <Form.Item name="helperKind" label={t('pairings.helperKind')} rules={[{ required: true }]}>
        <Select
          options={PAIRING_HELPER_KINDS.map((k) => ({ value: k, label: t(`pairings.helperKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="helperId" label={t('pairings.helperId')} rules={[{ required: true }]}>
        <Input data-testid="pairing-helper" />
      </Form.Item>
      <Form.Item name="targetKind" label={t('pairings.targetKind')} rules={[{ required: true }]}>
        <Select
          options={PAIRING_TARGET_KINDS.map((k) => ({ value: k, label: t(`pairings.targetKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="targetId" label={t('pairings.targetId')} rules={[{ required: true }]}>
        <Input data-testid="pairing-target" />
      </Form.Item>
      <Form.Item name="goals" label={t('pairings.goals')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} data-testid="pairing-goals" />
      </Form.Item>
      <Form.Item name="plan" label={t('pairings.plan')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="startedOn" label={t('pairings.startedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
