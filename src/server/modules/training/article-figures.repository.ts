import type { Executor } from '../../db/database.js';

/** Completions of a district's courses of one kind (a person trained twice counts twice). */
const completed = async (db: Executor, district: string, kind: 'entrepreneurship' | 'vocational') => {
  const row = await db
    .selectFrom('training_enrollments as e')
    .innerJoin('training_courses as c', 'c.id', 'e.course_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.district_code', '=', district)
    .where('c.kind', '=', kind)
    .where('e.status', '=', 'completed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/**
 * The article's training figures for `lianxin report article`: those who completed an SYB
 * (创办你的企业) course and those who completed a skills course (再就业培训).
 */
export async function articleTrainingFigures(db: Executor, district: string) {
  return {
    syb_trained: await completed(db, district, 'entrepreneurship'),
    laid_off_trained: await completed(db, district, 'vocational'),
  };
}
