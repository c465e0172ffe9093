import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bulkHoursBody,
  CreateActivityBody,
  certificateBody,
  confirmHoursBody,
} from '../../shared/api/volunteering';
import {
  activityDetailSchema,
  activityPageSchema,
  activitySchema,
  certificateSchema,
  checkInCodeSchema,
  myVolunteeringSchema,
  signupListSchema,
  signupSchema,
  teamPageSchema,
  verificationSchema,
  volunteerPageSchema,
  volunteerRecordSchema,
  volunteerSchema,
} from '../../shared/api/volunteering';
import { api } from './client';

type ConfirmHoursBody = z.input<typeof confirmHoursBody>;
type BulkHoursBody = z.input<typeof bulkHoursBody>;
type CertificateBody = z.input<typeof certificateBody>;

/** Every volunteering query key starts with 'volunteering': a change refreshes them together. */
export const volunteeringKeys = {
  all: ['volunteering'] as const,
  teams: ['volunteering', 'teams'] as const,
  volunteers: (team: string, q: string) => ['volunteering', 'volunteers', team, q] as const,
  volunteer: (id: string) => ['volunteering', 'volunteer', id] as const,
  activities: ['volunteering', 'activities'] as const,
  activity: (id: string) => ['volunteering', 'activity', id] as const,
  mine: ['volunteering', 'mine'] as const,
};

export const teamsQuery = queryOptions({
  queryKey: volunteeringKeys.teams,
  queryFn: () => api('GET', '/api/volunteer-teams', teamPageSchema, { query: { limit: 200 } }),
});

export const volunteersQuery = (team: string, q: string) =>
  queryOptions({
    queryKey: volunteeringKeys.volunteers(team, q),
    queryFn: () => api('GET', '/api/volunteers', volunteerPageSchema, { query: { team, q, limit: 200 } }),
  });

export const volunteerQuery = (id: string) =>
  queryOptions({
    queryKey: volunteeringKeys.volunteer(id),
    queryFn: () => api('GET', `/api/volunteers/${id}`, volunteerRecordSchema),
  });

export const activitiesQuery = queryOptions({
  queryKey: volunteeringKeys.activities,
  queryFn: () => api('GET', '/api/volunteer-activities', activityPageSchema, { query: { limit: 100 } }),
});

export const activityQuery = (id: string) =>
  queryOptions({
    queryKey: volunteeringKeys.activity(id),
    queryFn: () => api('GET', `/api/volunteer-activities/${id}`, activityDetailSchema),
  });

export const myVolunteeringQuery = queryOptions({
  queryKey: volunteeringKeys.mine,
  queryFn: () => api('GET', '/api/me/volunteering', myVolunteeringSchema),
});

export const checkInCode = (activityId: string) =>
  api('GET', `/api/volunteer-activities/${activityId}/check-in-code`, checkInCodeSchema);

export const createVolunteer = (body: { teamId: string; personId: string; skills: string[] }) =>
  api('POST', '/api/volunteers', volunteerSchema, { body });

export const createActivity = (body: CreateActivityBody) =>
  api('POST', '/api/volunteer-activities', activitySchema, { body });

export const signUp = (activityId: string, body: { shiftId: string; volunteerId: string }) =>
  api('POST', `/api/volunteer-activities/${activityId}/signups`, signupSchema, { body });

export const walkIn = (activityId: string, body: { shiftId: string; volunteerId: string }) =>
  api('POST', `/api/volunteer-activities/${activityId}/walk-ins`, signupSchema, { body });

export const attendance = (signupId: string, action: 'check_in' | 'check_out' | 'no_show') =>
  api('POST', `/api/volunteer-signups/${signupId}/attendance`, signupSchema, { body: { action } });

export const decide = (signupId: string, decision: 'confirm' | 'reject') =>
  api('POST', `/api/volunteer-signups/${signupId}/decision`, signupSchema, { body: { decision } });

export const cancelSignup = (signupId: string) =>
  api('POST', `/api/volunteer-signups/${signupId}/cancel`, signupSchema);

/** Confirms sign-ups' hours: the computed minutes, or `minutes` with the reason in `remark`. */
export const confirmHours = (activityId: string, items: ConfirmHoursBody['items']) =>
  api('POST', `/api/volunteer-activities/${activityId}/hours/confirm`, signupListSchema, {
    body: { items },
  });

/** 补录: hours of volunteers who served but were not checked in (a paper sign-in sheet). */
export const enterHours = (activityId: string, entries: BulkHoursBody['entries']) =>
  api('POST', `/api/volunteer-activities/${activityId}/hours/bulk`, signupListSchema, {
    body: { entries },
  });

export const issueCertificate = (volunteerId: string, body: CertificateBody) =>
  api('POST', `/api/volunteers/${volunteerId}/certificates`, certificateSchema, { body });

/** The staff download of a certificate's PDF (a plain link: the session cookie goes along). */
export const certificatePdfUrl = (certificateId: string) =>
  `/api/volunteer-certificates/${certificateId}/pdf`;

export const signUpSelf = (body: { activityId: string; shiftId: string }) =>
  api('POST', '/api/me/volunteering/signups', signupSchema, { body });

export const cancelOwn = (signupId: string) =>
  api('POST', `/api/me/volunteering/signups/${signupId}/cancel`, signupSchema);

export const checkInWithCode = (body: {
  activityId: string;
  code: string;
  action: 'check_in' | 'check_out';
}) => api('POST', '/api/me/volunteering/check-in', signupSchema, { body });

export const verifyCertificate = (serial: string) =>
  api('GET', `/api/public/volunteer-certificates/${encodeURIComponent(serial)}`, verificationSchema, {
    expectUnauthorized: true,
  });
