import { useQuery } from '@tanstack/react-query';
import { levelOf } from '../../../shared/region-code';
import { regionNameQuery } from '../../api/region-names';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * A place as people say it, from the street down: 新春街道 / 青年社区 / 青年二网格 / 1号楼 (the
 * district is the same for everyone and left out); `last` keeps only the last few names.
 */
export function RegionPath({ code, last, testId }: { code: string; last?: number; testId?: string }) {
  return <span data-testid={testId}>{useRegionPathText(code, last)}</span>;
}

/** The text of a RegionPath (the code until the region has loaded). */
export function useRegionPathText(code: string, last?: number): string {
  const region = useQuery(regionNameQuery(code));
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
  const region = useQuery(regionNameQuery(code));
  if (region.data) return <span>{region.data.name}</span>;
  const kind = levelOf(code);
  // Left out of the answer (null): the unit lies above what the reader may see.
  if (region.data === null && kind)
    return <span title={code}>{t('wo.unitAbove', { kind: t(`kind.${kind}`) })}</span>;
  return <span>{code}</span>;
}
