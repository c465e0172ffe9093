import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { jobKeys, type Outcome, type Recommendation, recordOutcome } from '../../api/jobs';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

/** Which outcomes a recommendation in a status may take (the server's OUTCOME_RULES). */
const NEXT: Record<Recommendation['status'], Outcome[]> = {
  recommended: ['interview', 'hired', 'declined', 'refused'],
  interviewing: ['interview', 'hired', 'declined', 'no_show', 'refused'],
  hired: [],
  declined: [],
  no_show: [],
  refused: [],
};

/**
 * The outcome buttons of a recommendation: the enterprise (`asEnterprise`) or the case worker for
 * it. An interview asks for its time, a refusal for the seeker's reason (none: without cause).
 */
export function OutcomeActions({ rec, asEnterprise }: { rec: Recommendation; asEnterprise: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [asking, setAsking] = useState<'interview' | 'refused' | null>(null);
  const direct = useMutation({
    mutationFn: (outcome: Outcome) => recordOutcome(rec.id, { outcome }, asEnterprise),
    onSuccess: async () => {
      void message.success(t('jobs.outcomeSaved'));
      await client.invalidateQueries({ queryKey: jobKeys.all });
    },
    onError: (error) => void message.error(error.message),
  });
  const outcomes = NEXT[rec.status];
  if (outcomes.length === 0) return null;
  return (
    <Space size={4} wrap>
      {outcomes.map((outcome) => (
        <Button
          key={outcome}
          size="small"
          type={outcome === 'hired' ? 'primary' : 'default'}
          data-testid={`outcome-${outcome}`}
          loading={direct.isPending && direct.variables === outcome}
          onClick={() =>
            outcome === 'interview' || outcome === 'refused' ? setAsking(outcome) : direct.mutate(outcome)
          }
        >
          {t(`jobs.outcome.${outcome}`)}
        </Button>
      ))}
      {asking && (
        <OutcomeDetails
          rec={rec}
          outcome={asking}
          asEnterprise={asEnterprise}
          onClose={() => setAsking(null)}
        />
      )}
    </Space>
  );
}

interface Details {
  interviewAt?: Dayjs;
  cause?: string;
}

function OutcomeDetails({
  rec,
  outcome,
  asEnterprise,
  onClose,
}: {
  rec: Recommendation;
  outcome: 'interview' | 'refused';
  asEnterprise: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Details>(['interviewAt', 'cause'], onClose);
  const mutation = useMutation({
    mutationFn: (v: Details) =>
      recordOutcome(
        rec.id,
        outcome === 'interview'
          ? { outcome, ...(v.interviewAt ? { interviewAt: v.interviewAt.toISOString() } : {}) }
          : { outcome, cause: v.cause ?? '' },
        asEnterprise,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
  return (
    <FormModal<Details>
      title={`${t(`jobs.outcome.${outcome}`)} · ${rec.seekerName}`}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('jobs.outcomeSaved'))}
      onClose={onClose}
      okButtonProps={{ 'data-testid': 'outcome-submit' }}
    >
      {outcome === 'interview' ? (
        <Form.Item name="interviewAt" label={t('jobs.interviewAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="interview-at" />
        </Form.Item>
      ) : (
        <Form.Item name="cause" label={t('jobs.cause')}>
          <Input maxLength={200} />
        </Form.Item>
      )}
    </FormModal>
  );
}
