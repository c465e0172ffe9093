import type { QuestionKind } from '../../../shared/api/bulletins.js';
import { fieldError } from '../../http/errors.js';

export type StoredQuestion = { kind: QuestionKind; options: readonly string[]; correct: readonly number[] };

/** Checks a question as written: a single choice has one right option; every index names an option. */
export function checkQuestion(q: StoredQuestion, path: string): void {
  if (new Set(q.correct).size !== q.correct.length)
    throw fieldError(`${path}.correct`, 'bulletin.correct_duplicate');
  if (q.correct.some((i) => i >= q.options.length))
    throw fieldError(`${path}.correct`, 'bulletin.correct_out_of_range');
  if (q.kind === 'single' && q.correct.length !== 1)
    throw fieldError(`${path}.correct`, 'bulletin.single_one_correct');
}

/**
 * Scores a member's answers on the server: a question counts when the chosen options are exactly
 * the right ones (no partial credit for a multiple choice). The score is the rounded percentage.
 * Refuses, by field, an answer list of the wrong length, an index naming no option, a repeated
 * index or a single choice with other than one option chosen.
 */
export function scoreAnswers(questions: readonly StoredQuestion[], answers: readonly (readonly number[])[]) {
  if (answers.length !== questions.length)
    throw fieldError('answers', 'bulletin.answers_count', { count: questions.length });
  let correct = 0;
  questions.forEach((q, i) => {
    const chosen = answers[i] ?? [];
    const valid =
      chosen.length > 0 &&
      new Set(chosen).size === chosen.length &&
      chosen.every((c) => c < q.options.length) &&
      (q.kind === 'multiple' || chosen.length === 1);
    if (!valid) throw fieldError(`answers.${i}`, 'bulletin.answer_invalid');
    const right = new Set(q.correct);
    if (chosen.length === right.size && chosen.every((c) => right.has(c))) correct += 1;
  });
  const score = questions.length === 0 ? 0 : Math.round((100 * correct) / questions.length);
  return { correct, questions: questions.length, score };
}

export const parseQuestion = (row: {
  kind: QuestionKind;
  text: string;
  options: string;
  correct: string;
}) => ({
  kind: row.kind,
  text: row.text,
  options: JSON.parse(row.options) as string[],
  correct: JSON.parse(row.correct) as number[],
});
