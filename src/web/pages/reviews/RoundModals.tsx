import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { EVALUATOR_GROUPS } from '../../../shared/api/reviews';
import { addEvaluator, type EvaluatorInput, reviewKeys, submitReport } from '../../api/reviews';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

/** 指定评议人: a user (by id) and the group they score in. */
export function EvaluatorModal({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<EvaluatorInput>(['userId', 'group'], onClose);
  const mutation = useMutation({
    mutationFn: (body: EvaluatorInput) => addEvaluator(roundId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
  return (
    <FormModal<EvaluatorInput>
      title={t('reviews.addEvaluator')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('reviews.evaluatorAdded'))}
      onClose={onClose}
      initialValues={{ group: 'leader' }}
    >
      <Form.Item name="userId" label={t('reviews.userId')} rules={[{ required: true }]}>
        <Input data-testid="evaluator-user" />
      </Form.Item>
      <Form.Item name="group" label={t('reviews.group')} rules={[{ required: true }]}>
        <Select options={EVALUATOR_GROUPS.map((g) => ({ value: g, label: t(`reviews.group.${g}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

/** 提交述职报告: the unit's report text (its own secretary). */
export function ReportModal({
  unit,
  onClose,
}: {
  unit: { id: string; name: string; report: string | null };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<{ report: string }>(['report'], onClose);
  const mutation = useMutation({
    mutationFn: (body: { report: string }) => submitReport(unit.id, body.report),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
  return (
    <FormModal<{ report: string }>
      title={`${t('reviews.submitReport')} · ${unit.name}`}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('reviews.reportSubmitted'))}
      onClose={onClose}
      initialValues={{ report: unit.report ?? '' }}
    >
      <Form.Item name="report" label={t('reviews.report')} rules={[{ required: true }]}>
        <Input.TextArea rows={10} data-testid="report-text" />
      </Form.Item>
    </FormModal>
  );
}
