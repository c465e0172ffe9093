import type { MatrixRows } from './types.js';

/** A well-formed id that names nothing (for bodies whose records the test does not build). */
const NOTHING = '0190a0b0-0000-7000-8000-00000000abcd';

/** Training (src/server/modules/training; fixtures: training/testing.ts `trainingMatrixFixtures`). */
export const TRAINING_ROUTES: MatrixRows = {
  'GET /api/training-courses': { access: 'job.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/training-courses': {
    access: 'job.manage',
    target: 'none',
    body: (ids) => ({
      title: '矩阵课程',
      kind: 'vocational',
      place: '社区活动室',
      regionCode: ids.region,
      skills: ['矩阵'],
      capacity: 10,
    }),
    scopedBy: 'body',
  },
  'GET /api/training-courses/:id': { access: 'job.read', target: 'training_course' },
  'POST /api/training-courses/:id/sessions': {
    access: 'job.manage',
    target: 'training_course',
    body: () => ({ firstDate: '2027-03-01', weekdays: [2], startTime: '09:00', endTime: '11:00', count: 1 }),
  },
  'POST /api/training-courses/:id/complete': { access: 'job.manage', target: 'training_course' },
  'POST /api/training-courses/:id/enrollments': {
    access: 'job.manage',
    target: 'training_course',
    body: (ids) => ({ personId: ids.person }),
  },
  'GET /api/training-sessions/:id/attendance': { access: 'job.read', target: 'training_session' },
  'POST /api/training-sessions/:id/attendance': {
    access: 'job.manage',
    target: 'training_session',
    body: () => ({ enrollmentId: NOTHING, status: 'present' }),
  },
  'GET /api/training-sessions/:id/code': { access: 'job.manage', target: 'training_session' },
  'POST /api/training-enrollments/:id/cancel': { access: 'job.manage', target: 'training_enrollment' },
  'POST /api/training-enrollments/:id/assessment': {
    access: 'job.manage',
    target: 'training_enrollment',
    body: () => ({ result: 'passed' }),
  },
  'POST /api/training-enrollments/:id/follow-up': {
    access: 'job.manage',
    target: 'training_enrollment',
    body: () => ({ outcome: 'employed' }),
  },
  'GET /api/training-enrollments/:id/certificate': { access: 'job.read', target: 'training_enrollment' },
  'GET /api/training-follow-ups': { access: 'job.read', target: 'none' },
  'GET /api/public/training-certificates/:serial': { access: 'public', target: 'none' },
  // A resident's own training in the portal (portal-training.routes.ts).
  'GET /api/portal/me/training': { access: 'resident', target: 'none' },
  'POST /api/portal/me/training/enrollments': {
    access: 'resident',
    target: 'none',
    body: () => ({ courseId: NOTHING }),
  },
  'POST /api/portal/me/training/check-in': {
    access: 'resident',
    target: 'none',
    body: () => ({ code: '123456' }),
  },
  'GET /api/portal/me/training/enrollments/:id/certificate': {
    access: 'resident',
    target: 'resident_training_enrollment',
  },
};
