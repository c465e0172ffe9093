import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  TrainingAttendanceTable,
  TrainingCourseTable,
  TrainingEnrollmentTable,
  TrainingSessionTable,
} from './training.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
};

/** Bulk writes for the demo's training (no audit, no counters: the demo recounts everything after). */
export const demoTrainingRepository = {
  insert: async (
    db: Executor,
    rows: {
      courses: Insertable<TrainingCourseTable>[];
      sessions: Insertable<TrainingSessionTable>[];
      enrollments: Insertable<TrainingEnrollmentTable>[];
      attendance: Insertable<TrainingAttendanceTable>[];
    },
  ): Promise<void> => {
    await inChunks(rows.courses, (chunk) => db.insertInto('training_courses').values(chunk).execute());
    await inChunks(rows.sessions, (chunk) => db.insertInto('training_sessions').values(chunk).execute());
    await inChunks(rows.enrollments, (chunk) =>
      db.insertInto('training_enrollments').values(chunk).execute(),
    );
    await inChunks(rows.attendance, (chunk) => db.insertInto('training_attendance').values(chunk).execute());
  },
};
