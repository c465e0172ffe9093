import { queryOptions } from '@tanstack/react-query';
import type {
  Activity,
  ActivityDetail,
  Certificate,
  CheckInCode,
  CreateActivityBody,
  MyVolunteering,
  Signup,
  Team,
  Verification,
  Volunteer,
  VolunteerRecord,
} from '../../shared/api/volunteering';
import { api } from './client';

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

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const teamsQuery = queryOptions({
  queryKey: volunteeringKeys.teams,
  queryFn: () => api<Page<Team>>('GET', '/api/volunteer-teams', { query: { limit: 200 } }),
});

export const volunteersQuery = (team: string, q: string) =>
  queryOptions({
    queryKey: volunteeringKeys.volunteers(team, q),
    queryFn: () => api<Page<Volunteer>>('GET', '/api/volunteers', { query: { team, q, limit: 200 } }),
  });

export const volunteerQuery = (id: string) =>
  queryOptions({
    queryKey: volunteeringKeys.volunteer(id),
    queryFn: () => api<VolunteerRecord>('GET', `/api/volunteers/${id}`),
  });

export const activitiesQuery = queryOptions({
  queryKey: volunteeringKeys.activities,
  queryFn: () => api<Page<Activity>>('GET', '/api/volunteer-activities', { query: { limit: 100 } }),
});

export const activityQuery = (id: string) =>
  queryOptions({
    queryKey: volunteeringKeys.activity(id),
    queryFn: () => api<ActivityDetail>('GET', `/api/volunteer-activities/${id}`),
  });

export const myVolunteeringQuery = queryOptions({
  queryKey: volunteeringKeys.mine,
  queryFn: () => api<MyVolunteering>('GET', '/api/me/volunteering'),
});

export const checkInCode = (activityId: string) =>
  api<CheckInCode>('GET', `/api/volunteer-activities/${activityId}/check-in-code`);

export const createVolunteer = (body: { teamId: string; personId: string; skills: string[] }) =>
  api<Volunteer>('POST', '/api/volunteers', { body });

export const createActivity = (body: CreateActivityBody) =>
  api<Activity>('POST', '/api/volunteer-activities', { body });

export const signUp = (activityId: string, body: { shiftId: string; volunteerId: string }) =>
  api<Signup>('POST', `/api/volunteer-activities/${activityId}/signups`, { body });

export const walkIn = (activityId: string, body: { shiftId: string; volunteerId: string }) =>
  api<Signup>('POST', `/api/volunteer-activities/${activityId}/walk-ins`, { body });

export const attendance = (signupId: string, action: 'check_in' | 'check_out' | 'no_show') =>
  api<Signup>('POST', `/api/volunteer-signups/${signupId}/attendance`, { body: { action } });

export const decide = (signupId: string, decision: 'confirm' | 'reject') =>
  api<Signup>('POST', `/api/volunteer-signups/${signupId}/decision`, { body: { decision } });

export const cancelSignup = (signupId: string) =>
  api<Signup>('POST', `/api/volunteer-signups/${signupId}/cancel`);

export const confirmHours = (activityId: string, items: { signupId: string; minutes?: number }[]) =>
  api<{ items: Signup[] }>('POST', `/api/volunteer-activities/${activityId}/hours/confirm`, {
    body: { items },
  });

export const issueCertificate = (volunteerId: string, body: { from: string; to: string }) =>
  api<Certificate>('POST', `/api/volunteers/${volunteerId}/certificates`, { body });

export const signUpSelf = (body: { activityId: string; shiftId: string }) =>
  api<Signup>('POST', '/api/me/volunteering/signups', { body });

export const cancelOwn = (signupId: string) =>
  api<Signup>('POST', `/api/me/volunteering/signups/${signupId}/cancel`);

export const checkInWithCode = (body: {
  activityId: string;
  code: string;
  action: 'check_in' | 'check_out';
}) => api<Signup>('POST', '/api/me/volunteering/check-in', { body });

export const verifyCertificate = (serial: string) =>
  api<Verification>('GET', `/api/public/volunteer-certificates/${encodeURIComponent(serial)}`, {
    expectUnauthorized: true,
  });
