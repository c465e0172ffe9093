import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Flex, TreeSelect, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { DEPTH_OF_KIND } from '../../shared/organization-rules';
import { childrenQuery, regionQuery, regionSearchQuery, rootsQuery } from '../api/regions';
import type { Region, RegionKind, RegionSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useDebounced } from '../lib/useDebounced';

interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: ReactNode;
  isLeaf: boolean;
  selectable?: boolean;
}

interface Props {
  /** A region code (antd Form passes value and onChange). */
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  style?: CSSProperties;
  /**
   * The field's id, which antd's Form.Item passes so that its <label> names the field for a screen
   * reader (issue 17); without one (a filter above a list) the placeholder names it.
   */
  id?: string;
  /** Only regions of these kinds can be picked; the tree stops below the deepest of them. */
  kinds?: readonly RegionKind[];
}

/** How deep each kind lies (the server's own table): a picker limited to communities need not open grids. */
const DEPTH = DEPTH_OF_KIND;

const label = (region: RegionSummary) => (
  <Flex gap={6} align="center" data-testid={`region-option-${region.code}`}>
    <span>{region.name}</span>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {region.code}
    </Typography.Text>
  </Flex>
);

/**
 * Picks a region of the user's jurisdiction: browse the tree (loaded as it opens) or type to
 * search by name or code across the whole jurisdiction.
 */
export function RegionTreeSelect({
  id,
  value,
  onChange,
  placeholder,
  allowClear,
  testId,
  style,
  kinds,
}: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebounced(search.trim());
  const [loaded, setLoaded] = useState<string[]>([]);
  // Names of picked regions, so the field shows a name even when the tree has not loaded that node.
  const [names, setNames] = useState<Record<string, string>>({});

  const roots = useQuery(rootsQuery);
  const childQueries = useQueries({ queries: loaded.map((code) => childrenQuery(code)) });
  const found = useQuery(regionSearchQuery(debouncedSearch));

  const treeRegions: Region[] = [...(roots.data ?? []), ...childQueries.flatMap((q) => q.data ?? [])];
  const searching = search.trim().length > 0;
  const pickable = (kind: RegionKind) => !kinds || kinds.includes(kind);
  const deepest = kinds ? Math.max(...kinds.map((kind) => DEPTH[kind])) : Number.POSITIVE_INFINITY;
  const regions: RegionSummary[] = searching
    ? (found.data ?? []).filter((region) => pickable(region.kind))
    : treeRegions.filter((region) => DEPTH[region.kind] <= deepest);
  const options: Option[] = regions.map((region) => ({
    id: region.code,
    pId: searching ? null : region.parentCode,
    value: region.code,
    title: label(region),
    isLeaf: searching || DEPTH[region.kind] >= deepest || ('childCount' in region && region.childCount === 0),
    ...(pickable(region.kind) ? {} : { selectable: false }),
  }));
  const knownName = (code: string) =>
    names[code] ?? [...treeRegions, ...(found.data ?? [])].find((r) => r.code === code)?.name;
  // A preset value (e.g. the user's home region) may lie deep in a tree not yet opened.
  const valueRegion = useQuery({
    ...regionQuery(value ?? ''),
    enabled: Boolean(value) && !knownName(value ?? ''),
  });
  const nameOf = (code: string) =>
    knownName(code) ?? (valueRegion.data?.code === code ? valueRegion.data.name : code);

  return (
    <TreeSelect<{ value: string; label: ReactNode } | undefined>
      id={id}
      aria-label={id ? undefined : placeholder}
      labelInValue
      value={value ? { value, label: nameOf(value) } : undefined}
      onChange={(selected) => {
        if (selected) setNames((prev) => ({ ...prev, [selected.value]: nameOf(selected.value) }));
        onChange?.(selected?.value);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={options}
      loadData={async (node) => {
        const code = String(node.value);
        await queryClient.ensureQueryData(childrenQuery(code));
        setLoaded((prev) => (prev.includes(code) ? prev : [...prev, code]));
      }}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filterTreeNode: false,
        autoClearSearchValue: true,
      }}
      notFoundContent={found.isFetching ? t('common.loading') : undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320, maxWidth: 480 } } }}
      style={style}
      data-testid={testId}
    />
  );
}
