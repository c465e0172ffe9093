import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { meQuery } from '../../api/auth';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';

/**
 * `/check-in?activity=…&code=…`, what the leader's QR code opens on a volunteer's phone. One code
 * serves both kinds of volunteer: a member signed in to the staff app goes to their own page, and
 * everyone else to the resident portal (which asks a resident to sign in first and comes back).
 * Both pages fill the code in and ask the volunteer to confirm.
 */
export function CheckInLanding() {
  const { search } = useLocation();
  const staff = useQuery(meQuery);
  if (staff.isPending) return <FullPageSpin />;
  if (staff.isError) return <QueryError error={staff.error} onRetry={() => void staff.refetch()} fullPage />;
  return <Navigate replace to={`${staff.data ? '/me/volunteering' : '/m/volunteering/check-in'}${search}`} />;
}
