import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { INTERVIEW_OUTCOMES, type InterviewOutcome } from '../../../shared/api/surveys';
import { recordInterview, type SampleRow, type SurveyQuestion, surveyKeys } from '../../api/surveys';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { type AnswerDraft, answersOf, complete, QuestionFields } from './QuestionFields';

/** 记录电话访问: the outcome of a call to one sample row, with the answers when they answered. */
export function InterviewModal({
  row,
  questions,
  onClose,
}: {
  row: SampleRow;
  questions: readonly SurveyQuestion[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<InterviewOutcome>('answered');
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: () =>
      recordInterview(row.id, {
        outcome,
        ...(outcome === 'answered' ? { answers: answersOf(questions, draft) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      void message.success(t('surveys.recorded'));
      await client.invalidateQueries({ queryKey: surveyKeys.all });
      onClose();
    },
    onError: (e) => setError(errorMessage(e, t)),
  });
  const ready = outcome !== 'answered' || complete(questions, draft);
  return (
    <Modal
      open
      title={`${t('surveys.record')} · ${row.name}${row.phone ? ` · ${row.phone}` : ''}`}
      onCancel={onClose}
      onOk={() => record.mutate()}
      okButtonProps={{ disabled: !ready, loading: record.isPending, 'data-testid': 'interview-submit' }}
      width={640}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as InterviewOutcome)}>
          <Space direction="vertical">
            {INTERVIEW_OUTCOMES.map((o) => (
              <Radio key={o} value={o} data-testid={`interview-${o}`}>
                {t(`surveys.outcome.${o}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {outcome === 'answered' && <QuestionFields questions={questions} value={draft} onChange={setDraft} />}
        <Input
          placeholder={t('surveys.note')}
          aria-label={t('surveys.note')}
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}
