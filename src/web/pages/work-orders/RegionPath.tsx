import { useQuery } from '@tanstack/react-query';
import { regionQuery } from '../../api/regions';
import { useI18n } from '../../i18n/I18nProvider';

/** Region code lengths by kind: district 6, street 9, community 12, grid 14, building 17. */
const KIND_BY_LENGTH: Record<number, 'district' | 'street' | 'community' | 'grid' | 'building'> = {
  6: 'district',
  9: 'street',
  12: 'community',
  14: 'grid',
  17: 'building',
};

/**
 * A place as people say it, from the street down: 新春街道 / 青年社区 / 青年二网格 / 1号楼 (the
 * district is the same for everyone and left out); `last` keeps only the last few names.
 */
export function RegionPath({ code, last, testId }: { code: string; last?: number; testId?: string }) {
  return <span data-testid={testId}>{useRegionPathText(code, last)}</span>;
}

/** The text of a RegionPath (the code until the region has loaded). */
export function useRegionPathText(code: string, last?: number): string {
  const region = useQuery({ ...regionQuery(code), staleTime: 5 * 60_000 });
  if (!region.data) return code;
  const names = [...region.data.ancestors.filter((a) => a.kind !== 'district'), region.data].map(
    (r) => r.name,
  );
  return names.slice(last ? -last : 0).join(' / ');
}

/**
 * The name of a unit that holds or dispatched an order. A grid worker may not read the regions
 * above their grid: such a unit is named by its kind ("所属社区") rather than by a bare code.
 */
export function UnitName({ code }: { code: string }) {
  const { t } = useI18n();
  const region = useQuery({ ...regionQuery(code), staleTime: 5 * 60_000 });
  if (region.data) return <span>{region.data.name}</span>;
  const kind = KIND_BY_LENGTH[code.length];
  if (region.isError && kind)
    return <span title={code}>{t('wo.unitAbove', { kind: t(`kind.${kind}`) })}</span>;
  return <span>{code}</span>;
}
