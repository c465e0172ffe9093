import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CONTACT_METHODS, PAIRING_END_REASONS, SUPPORT_KINDS } from '../../../shared/api/pairings';
import { type PairingEntryInput, pairingKeys, recordOnPairing } from '../../api/pairings';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';

export type EntryKind = keyof PairingEntryInput;

interface Values {
  day: Dayjs;
  text: string;
  method?: PairingEntryInput['contacts']['method'];
  kind?: PairingEntryInput['supports']['kind'];
  amountYuan?: number;
  reason?: PairingEntryInput['end']['reason'];
  nextContactOn?: Dayjs;
}

const FIELDS = ['day', 'text', 'method', 'kind', 'amountYuan', 'reason', 'nextContactOn'] as const;
const TITLES = {
  contacts: 'pairings.addContact',
  supports: 'pairings.addSupport',
  outcomes: 'pairings.addOutcome',
  end: 'pairings.end',
} as const;

/** One modal for what a pairing records: a contact, support given, an outcome, or its end. */
export function EntryModal({ id, kind, onClose }: { id: string; kind: EntryKind; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const day = v.day.format('YYYY-MM-DD');
      if (kind === 'contacts')
        return recordOnPairing(id, 'contacts', {
          contactedOn: day,
          method: v.method ?? 'visit',
          note: v.text,
          ...(v.nextContactOn ? { nextContactOn: v.nextContactOn.format('YYYY-MM-DD') } : {}),
        });
      if (kind === 'supports')
        return recordOnPairing(id, 'supports', {
          givenOn: day,
          kind: v.kind ?? 'money',
          amountFen: Math.round((v.amountYuan ?? 0) * 100),
          description: v.text,
        });
      if (kind === 'outcomes')
        return recordOnPairing(id, 'outcomes', { achievedOn: day, description: v.text });
      return recordOnPairing(id, 'end', { endedOn: day, reason: v.reason ?? 'other', note: v.text });
    },
    onSuccess: (updated) => {
      client.setQueryData(pairingKeys.detail(id), updated);
      return client.invalidateQueries({ queryKey: pairingKeys.all });
    },
  });
  const submit = (v: Values) =>
    run(
      mutation,
      v,
      () => t('pairings.recorded'),
      (error) =>
        renameFieldPaths(error, {
          contactedOn: 'day',
          givenOn: 'day',
          achievedOn: 'day',
          endedOn: 'day',
          note: 'text',
          description: 'text',
          amountFen: 'amountYuan',
        }),
    );
  return (
    <FormModal<Values>
      title={t(TITLES[kind])}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ day: dayjs().tz(ZONE), method: 'visit', kind: 'money', reason: 'goals_met' }}
      okButtonProps={{ 'data-testid': 'entry-submit', ...(kind === 'end' ? { danger: true } : {}) }}
    >
      <Form.Item name="day" label={t('pairings.day')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {kind === 'contacts' && (
        <Form.Item name="method" label={t('pairings.method')}>
          <Select options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`pairings.method.${m}`) }))} />
        </Form.Item>
      )}
      {kind === 'supports' && (
        <>
          <Form.Item name="kind" label={t('pairings.kind')}>
            <Select options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`pairings.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('pairings.amountYuan')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="entry-amount" />
          </Form.Item>
        </>
      )}
      {kind === 'end' && (
        <Form.Item name="reason" label={t('pairings.endReason')}>
          <Select
            options={PAIRING_END_REASONS.map((r) => ({ value: r, label: t(`pairings.endReason.${r}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="text" label={t('pairings.note')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} data-testid="entry-text" />
      </Form.Item>
      {kind === 'contacts' && (
        <Form.Item name="nextContactOn" label={t('pairings.nextContactOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
