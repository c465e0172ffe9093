import { useQuery } from '@tanstack/react-query';
import { regionQuery } from '../../api/regions';

/**
 * A place as people say it, from the street down: 新春街道 / 青年社区 / 青年二网格 / 1号楼
 * (the district is the same for everyone and left out).
 */
export function RegionPath({ code, testId }: { code: string; testId?: string }) {
  const region = useQuery({ ...regionQuery(code), staleTime: 5 * 60_000 });
  if (!region.data) return <span data-testid={testId}>{code}</span>;
  const names = [...region.data.ancestors.filter((a) => a.kind !== 'district'), region.data].map(
    (r) => r.name,
  );
  return <span data-testid={testId}>{names.join(' / ')}</span>;
}
