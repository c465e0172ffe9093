import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { regionQuery } from '../api/regions';

/**
 * A region's name for a code the server sent alone (persons carry only their region code). The
 * lookups share the region cache, so a page of residents in a few buildings asks a few times.
 */
export function RegionName({ code, link }: { code: string; link?: boolean }) {
  const region = useQuery({ ...regionQuery(code), staleTime: 5 * 60_000 });
  const name = region.data?.name ?? code;
  return link ? <Link to={`/regions/${code}`}>{name}</Link> : <span>{name}</span>;
}
