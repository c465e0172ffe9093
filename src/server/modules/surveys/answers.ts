import type { z } from 'zod';
import type { answerInput } from '../../../shared/api/surveys.js';
import { fieldError } from '../../http/errors.js';
import type { QuestionRow } from './surveys.repository.js';

type Answer = z.output<typeof answerInput>;

/** One stored answer: an option's index, the scale value, or -1 with the text. */
export interface AnswerValue {
  questionId: string;
  choice: number;
  text: string | null;
}

/**
 * Checks answers against the questionnaire and turns them into rows: each question answered at
 * most once, in the shape of its kind (one option, one or more options, 1–5, text), every
 * required question answered. Refusals name the answer's field (`answers.2.choices`).
 */
export function readAnswers(
  questions: readonly QuestionRow[],
  answers: readonly Answer[],
  satisfactionQuestionId: string | null,
): { values: AnswerValue[]; satisfaction: number | null } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const values: AnswerValue[] = [];
  let satisfaction: number | null = null;
  answers.forEach((answer, i) => {
    const field = `answers.${i}`;
    const question = byId.get(answer.questionId);
    if (!question) throw fieldError(`${field}.questionId`, 'survey.unknown_question');
    if (seen.has(question.id)) throw fieldError(`${field}.questionId`, 'survey.duplicate_answer');
    seen.add(question.id);
    const options = (JSON.parse(question.options) as string[]).length;
    const choices = [...new Set(answer.choices ?? [])];
    const shapeError = () => fieldError(field, 'survey.answer_shape');
    switch (question.kind) {
      case 'single':
      case 'multiple': {
        if (answer.scale !== undefined || answer.text !== undefined) throw shapeError();
        if (choices.length === 0 || (question.kind === 'single' && choices.length > 1)) throw shapeError();
        for (const choice of choices) {
          if (choice >= options) throw fieldError(`${field}.choices`, 'survey.option_range');
          values.push({ questionId: question.id, choice, text: null });
        }
        return;
      }
      case 'scale':
        if (answer.scale === undefined || choices.length > 0 || answer.text !== undefined) throw shapeError();
        values.push({ questionId: question.id, choice: answer.scale, text: null });
        if (question.id === satisfactionQuestionId) satisfaction = answer.scale;
        return;
      case 'text':
        if (!answer.text || choices.length > 0 || answer.scale !== undefined) throw shapeError();
        values.push({ questionId: question.id, choice: -1, text: answer.text });
        return;
    }
  });
  const missing = questions.find((q) => q.required === 1 && !seen.has(q.id));
  if (missing) throw fieldError('answers', 'survey.required_missing', { number: missing.position + 1 });
  return { values, satisfaction };
}
