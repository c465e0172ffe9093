import type { Executor } from '../../db/database.js';

/** What the cockpit counts of the enrollments (training-counters.ts). */
export const trainingCountsRepository = {
  /** Per trainee's region: people enrolled in a course (not waiting, not cancelled), and those who completed one. */
  traineesByRegion: (db: Executor, district: string) =>
    db
      .selectFrom('training_enrollments')
      .select((eb) => [
        'person_region_code as region_code',
        eb.fn.count<number>('person_id').distinct().as('trainees'),
        eb.fn
          .count<number>(eb.case().when('status', '=', 'completed').then(eb.ref('person_id')).end())
          .distinct()
          .as('completed'),
      ])
      .where('district_code', '=', district)
      .where('status', 'in', ['enrolled', 'completed', 'not_completed'])
      .groupBy('person_region_code')
      .execute(),
};
