import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { regionNameQuery } from '../api/region-names';

/**
 * A region's name for a code the server sent alone (persons carry only their region code). Names
 * asked for together go out in one request (`region-names.ts`): a page of 50 rows asks once.
 */
export function RegionName({ code, link }: { code: string; link?: boolean }) {
  const region = useQuery(regionNameQuery(code));
  const name = region.data?.name ?? code;
  return link && region.data ? <Link to={`/regions/${code}`}>{name}</Link> : <span>{name}</span>;
}
