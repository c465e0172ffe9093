import { Checkbox, Flex, Input, Radio, Typography } from 'antd';
import type { AnswerInput, SurveyQuestion } from '../../api/surveys';
import { useI18n } from '../../i18n/I18nProvider';

/** What has been answered so far, by question id. */
export type AnswerDraft = Record<string, { choices?: number[]; scale?: number; text?: string }>;

const SCALE = [1, 2, 3, 4, 5] as const;

/** The answers the API takes: only questions with something in them. */
export function answersOf(questions: readonly SurveyQuestion[], draft: AnswerDraft): AnswerInput[] {
  return questions.flatMap((q): AnswerInput[] => {
    const a = draft[q.id];
    if (!a) return [];
    if (q.kind === 'scale') return a.scale ? [{ questionId: q.id, scale: a.scale }] : [];
    if (q.kind === 'text') return a.text?.trim() ? [{ questionId: q.id, text: a.text.trim() }] : [];
    return a.choices?.length ? [{ questionId: q.id, choices: a.choices }] : [];
  });
}

/** Whether every required question has an answer. */
export const complete = (questions: readonly SurveyQuestion[], draft: AnswerDraft) => {
  const given = new Set(answersOf(questions, draft).map((a) => a.questionId));
  return questions.every((q) => !q.required || given.has(q.id));
};

/**
 * The questionnaire as a form: big radio and check targets (a phone in the portal, an operator on
 * a call), the 1–5 scale in words. Shared by the portal's page and the phone interview.
 */
export function QuestionFields({
  questions,
  value,
  onChange,
  large,
}: {
  questions: readonly SurveyQuestion[];
  value: AnswerDraft;
  onChange: (next: AnswerDraft) => void;
  large?: boolean;
}) {
  const { t } = useI18n();
  const set = (id: string, answer: AnswerDraft[string]) => onChange({ ...value, [id]: answer });
  const size = large ? 'large' : 'middle';
  return (
    <Flex vertical gap={large ? 20 : 14}>
      {questions.map((q, i) => (
        <fieldset key={q.id} style={{ border: 0, margin: 0, padding: 0 }} data-testid="survey-question-field">
          <legend style={{ fontSize: large ? 17 : 14, fontWeight: 600, marginBottom: 8 }}>
            {i + 1}. {q.text}
            {q.required && (
              <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 6 }}>
                （{t('psurvey.required')}）
              </Typography.Text>
            )}
          </legend>
          {q.kind === 'single' && (
            <Radio.Group
              size={size}
              value={value[q.id]?.choices?.[0]}
              onChange={(e) => set(q.id, { choices: [e.target.value as number] })}
            >
              <Flex vertical gap={8}>
                {q.options.map((label, index) => (
                  <Radio key={label} value={index}>
                    {label}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          )}
          {q.kind === 'multiple' && (
            <Checkbox.Group
              value={value[q.id]?.choices ?? []}
              onChange={(next) => set(q.id, { choices: next as number[] })}
            >
              <Flex vertical gap={8}>
                {q.options.map((label, index) => (
                  <Checkbox key={label} value={index}>
                    {label}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          )}
          {q.kind === 'scale' && (
            <Radio.Group
              size={size}
              value={value[q.id]?.scale}
              onChange={(e) => set(q.id, { scale: e.target.value as number })}
              data-testid="survey-scale"
            >
              <Flex vertical gap={8}>
                {[...SCALE].reverse().map((n) => (
                  <Radio key={n} value={n} data-testid={`survey-scale-${n}`}>
                    {n} · {t(`surveys.scale.${n}`)}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          )}
          {q.kind === 'text' && (
            <Input.TextArea
              rows={3}
              maxLength={1000}
              value={value[q.id]?.text ?? ''}
              onChange={(e) => set(q.id, { text: e.target.value })}
            />
          )}
        </fieldset>
      ))}
    </Flex>
  );
}
