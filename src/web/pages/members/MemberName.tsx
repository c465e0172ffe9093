import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { memberQuery } from '../../api/organizations';

/** A member's name for an id the server sent alone (a leader), linked to the member's page. */
export function MemberName({ id }: { id: string }) {
  const member = useQuery({ ...memberQuery(id), staleTime: 5 * 60_000 });
  return (
    <Link to={`/members/${id}`} data-testid="member-name-link">
      {member.data?.name ?? '…'}
    </Link>
  );
}
