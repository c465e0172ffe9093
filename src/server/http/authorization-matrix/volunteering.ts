import type { MatrixRows } from './types.js';

/** A well-formed id that names nothing (for bodies whose records the test does not build). */
const NOTHING = '0190a0b0-0000-7000-8000-00000000abcd';

/** Volunteering: teams, volunteers, activities, sign-ups, check-in, hours, certificates. */
export const VOLUNTEERING_ROUTES: MatrixRows = {
  // Volunteering (src/server/modules/volunteering; fixtures: volunteering/testing.ts)
  'GET /api/volunteer-teams': { access: 'volunteer.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/volunteers': { access: 'volunteer.read', target: 'none' },
  'POST /api/volunteers': {
    access: 'volunteer.manage',
    target: 'none',
    body: (ids) => ({ teamId: ids.volunteerTeam ?? NOTHING, personId: ids.person }),
    scopedBy: 'body',
  },
  'GET /api/volunteers/:id': { access: 'volunteer.read', target: 'volunteer' },
  'PATCH /api/volunteers/:id': {
    access: 'volunteer.manage',
    target: 'volunteer',
    body: () => ({ skills: ['矩阵'] }),
  },
  'POST /api/volunteers/:id/record-entries': {
    access: 'volunteer.manage',
    target: 'volunteer',
    body: () => ({ kind: 'training', title: '矩阵培训', onDate: '2026-01-01' }),
  },
  'POST /api/volunteers/:id/certificates': {
    access: 'volunteer.manage',
    target: 'volunteer',
    body: () => ({ from: '2020-01-01', to: '2030-12-31' }),
  },
  'GET /api/volunteer-certificates/:id/pdf': { access: 'volunteer.read', target: 'volunteer_certificate' },
  'GET /api/me/volunteering/certificates/:id/pdf': {
    access: 'authenticated',
    target: 'own_volunteer_certificate',
  },
  'GET /api/public/volunteer-certificates/:serial': { access: 'public', target: 'none' },
  'GET /api/volunteer-activities': { access: 'volunteer.read', target: 'none' },
  'POST /api/volunteer-activities': {
    access: 'activity.lead',
    target: 'none',
    body: (ids) => {
      const start = Date.now() + 10 * 86_400_000;
      return {
        teamId: ids.volunteerTeam ?? NOTHING,
        area: '社区环境',
        title: '矩阵活动',
        place: '矩阵',
        signupMode: 'open',
        cancelCutoffHours: 2,
        shifts: [
          {
            role: '清扫',
            needed: 2,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 3_600_000).toISOString(),
          },
        ],
      };
    },
    scopedBy: 'body',
  },
  'GET /api/volunteer-activities/:id': { access: 'volunteer.read', target: 'volunteer_activity' },
  'POST /api/volunteer-activities/:id/signups': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: (ids) => ({ shiftId: ids.volunteerShift ?? NOTHING, volunteerId: ids.volunteer ?? NOTHING }),
  },
  'POST /api/volunteer-activities/:id/walk-ins': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: (ids) => ({ shiftId: ids.volunteerShift ?? NOTHING, volunteerId: ids.volunteer ?? NOTHING }),
  },
  'GET /api/volunteer-activities/:id/check-in-code': {
    access: 'activity.lead',
    target: 'volunteer_activity',
  },
  'POST /api/volunteer-activities/:id/hours/confirm': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: () => ({ items: [{ signupId: NOTHING, minutes: 30 }] }),
  },
  'POST /api/volunteer-activities/:id/hours/bulk': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: (ids) => ({
      entries: [
        { shiftId: ids.volunteerShift ?? NOTHING, volunteerId: ids.volunteer ?? NOTHING, minutes: 30 },
      ],
    }),
  },
  'POST /api/volunteer-signups/:id/decision': {
    access: 'activity.lead',
    target: 'volunteer_signup',
    body: () => ({ decision: 'confirm' }),
  },
  'POST /api/volunteer-signups/:id/cancel': { access: 'activity.lead', target: 'volunteer_signup' },
  'POST /api/volunteer-signups/:id/attendance': {
    access: 'activity.lead',
    target: 'volunteer_signup',
    body: () => ({ action: 'no_show' }),
  },
  'GET /api/me/volunteering': { access: 'authenticated', target: 'none' },
  'POST /api/me/volunteering/signups': {
    access: 'authenticated',
    target: 'none',
    body: () => ({ activityId: NOTHING, shiftId: NOTHING }),
  },
  'POST /api/me/volunteering/signups/:id/cancel': { access: 'authenticated', target: 'own_volunteer_signup' },
  'POST /api/me/volunteering/check-in': {
    access: 'authenticated',
    target: 'none',
    body: () => ({ activityId: NOTHING, code: '123456', action: 'check_in' }),
  },
  // A resident's own volunteering in the portal (portal-volunteering.routes.ts).
  'GET /api/portal/me/volunteering': { access: 'resident', target: 'none' },
  'POST /api/portal/me/volunteering/signups': {
    access: 'resident',
    target: 'none',
    body: () => ({ activityId: NOTHING, shiftId: NOTHING }),
  },
  'POST /api/portal/me/volunteering/signups/:id/cancel': {
    access: 'resident',
    target: 'resident_volunteer_signup',
  },
  'POST /api/portal/me/volunteering/check-in': {
    access: 'resident',
    target: 'none',
    body: () => ({ activityId: NOTHING, code: '123456', action: 'check_in' }),
  },
  'GET /api/portal/me/volunteering/certificates/:id/pdf': {
    access: 'resident',
    target: 'resident_volunteer_certificate',
  },
};
