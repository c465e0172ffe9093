import { queryOptions } from '@tanstack/react-query';
import { myVolunteeringSchema, signupSchema } from '../../shared/api/volunteering';
import { api, download } from './client';

/**
 * A resident's own volunteering in the portal (`/api/portal/me/volunteering…`): the resident
 * cookie, the same shapes as a member's page. Keys under 'portal', so signing out forgets them.
 */

export type { MyVolunteering } from '../../shared/api/volunteering';

export const portalVolunteeringKeys = { all: ['portal', 'volunteering'] as const };

export const portalVolunteeringQuery = queryOptions({
  queryKey: portalVolunteeringKeys.all,
  queryFn: () =>
    api('GET', '/api/portal/me/volunteering', myVolunteeringSchema, { expectUnauthorized: true }),
});

export const portalSignUp = (body: { activityId: string; shiftId: string }) =>
  api('POST', '/api/portal/me/volunteering/signups', signupSchema, { body, expectUnauthorized: true });

export const portalCancelSignup = (signupId: string) =>
  api('POST', `/api/portal/me/volunteering/signups/${signupId}/cancel`, signupSchema, {
    expectUnauthorized: true,
  });

export const portalCodeCheckIn = (body: {
  activityId: string;
  code: string;
  action: 'check_in' | 'check_out';
}) => api('POST', '/api/portal/me/volunteering/check-in', signupSchema, { body, expectUnauthorized: true });

export const portalCertificatePdf = (id: string, serial: string) =>
  download('GET', `/api/portal/me/volunteering/certificates/${id}/pdf`, `${serial}.pdf`, {
    expectUnauthorized: true,
  });
