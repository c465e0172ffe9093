import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DISPUTE_CHANNELS, type RelocationAction } from '../../../shared/api/relocation';
import { raiseDispute, relocationKeys, resettlementsQuery, takeStep } from '../../api/relocation';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';
import { fenOf } from '../loans/format';

/** A step of the workflow, or a dispute (which becomes a work order). */
export type StepKind = RelocationAction | 'dispute';

interface Values {
  day: Dayjs;
  text?: string;
  compensationYuan?: number;
  resettlementId?: string;
  unit?: string;
  channel?: (typeof DISPUTE_CHANNELS)[number];
}

const FIELDS = ['day', 'text', 'compensationYuan', 'resettlementId', 'unit', 'channel'] as const;

/** One modal for each step of a case (with its date) and for a dispute turned into a work order. */
export function StepModal({ id, kind, onClose }: { id: string; kind: StepKind; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const estates = useQuery({ ...resettlementsQuery(), enabled: kind === 'resettle' });
  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const day = v.day.format('YYYY-MM-DD');
      const note = v.text ?? '';
      switch (kind) {
        case 'agree':
          return takeStep(id, 'agree', {
            compensationFen: fenOf(v.compensationYuan ?? 0),
            agreedOn: day,
            note,
          }).then(() => null);
        case 'pay':
          return takeStep(id, 'pay', { paidOn: day, note }).then(() => null);
        case 'move':
          return takeStep(id, 'move', { movedOn: day, note }).then(() => null);
        case 'resettle':
          return takeStep(id, 'resettle', {
            resettlementId: v.resettlementId ?? '',
            unit: v.unit ?? '',
            resettledOn: day,
            note,
          }).then(() => null);
        case 'withdraw':
          return takeStep(id, 'withdraw', { reason: note, withdrawnOn: day }).then(() => null);
        case 'dispute':
          return raiseDispute(id, { description: note, channel: v.channel ?? 'visit' }).then((r) => r.number);
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: relocationKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      v,
      (number) => (number ? t('relocation.disputeOrdered', { number }) : t('relocation.recorded')),
      (error) =>
        renameFieldPaths(error, {
          agreedOn: 'day',
          paidOn: 'day',
          movedOn: 'day',
          resettledOn: 'day',
          withdrawnOn: 'day',
          note: 'text',
          reason: 'text',
          description: 'text',
          compensationFen: 'compensationYuan',
        }),
    );
  const title = kind === 'dispute' ? t('relocation.raiseDispute') : t(`relocation.action.${kind}`);
  const textLabel =
    kind === 'dispute'
      ? t('relocation.disputeDescription')
      : kind === 'withdraw'
        ? t('relocation.reason')
        : t('relocation.note');
  return (
    <FormModal<Values>
      title={title}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ day: dayjs().tz(ZONE), channel: 'visit' }}
      okButtonProps={{ 'data-testid': 'step-submit', ...(kind === 'withdraw' ? { danger: true } : {}) }}
    >
      {kind !== 'dispute' && (
        <Form.Item name="day" label={t('relocation.day')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      {kind === 'agree' && (
        <Form.Item name="compensationYuan" label={t('relocation.compensation')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="step-compensation" />
        </Form.Item>
      )}
      {kind === 'resettle' && (
        <>
          <Form.Item name="resettlementId" label={t('relocation.resettlement')} rules={[{ required: true }]}>
            <Select
              loading={estates.isPending}
              options={(estates.data?.items ?? []).map((e) => ({
                value: e.id,
                label: `${e.name}（${e.occupiedUnits}/${e.capacityUnits}）`,
                disabled: e.occupiedUnits >= e.capacityUnits,
              }))}
              data-testid="step-resettlement"
            />
          </Form.Item>
          <Form.Item name="unit" label={t('relocation.unit')} rules={[{ required: true }]}>
            <Input placeholder="3-2-501" data-testid="step-unit" />
          </Form.Item>
        </>
      )}
      {kind === 'dispute' && (
        <Form.Item name="channel" label={t('relocation.channel')}>
          <Select
            options={DISPUTE_CHANNELS.map((c) => ({ value: c, label: t(`relocation.channel.${c}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="text"
        label={textLabel}
        rules={kind === 'dispute' || kind === 'withdraw' ? [{ required: true }] : []}
      >
        <Input.TextArea rows={3} data-testid="step-text" />
      </Form.Item>
    </FormModal>
  );
}
