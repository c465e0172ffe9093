import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { childrenQuery, regionQuery, rootsQuery } from '../api/regions';
import type { Region } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { hasPermission } from '../session/permissions';
import { useMe } from '../session/useMe';

const union = (a: string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * The user's jurisdiction as a lazily loaded tree, starting at the roots of their scope. Children
 * come from the query cache, so creating or renaming a region updates the tree without a reload.
 */
export function RegionTree() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const currentCode = useMatch('/regions/:code')?.params.code;
  const canRead = hasPermission(me, 'region.read');

  const roots = useQuery({ ...rootsQuery, enabled: canRead });
  const current = useQuery({ ...regionQuery(currentCode ?? ''), enabled: canRead && Boolean(currentCode) });
  const [expanded, setExpanded] = useState<string[]>([]);
  // Nodes whose children were ever loaded; they stay observed so that invalidation refreshes them.
  const [loaded, setLoaded] = useState<string[]>([]);

  const reveal = (codes: readonly string[]) => {
    setExpanded((prev) => union(prev, codes));
    setLoaded((prev) => union(prev, codes));
  };

  // A single root (a community secretary's community) opens by itself.
  const singleRoot = roots.data?.length === 1 ? roots.data[0]?.code : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reveal only sets state
  useEffect(() => {
    if (singleRoot) reveal([singleRoot]);
  }, [singleRoot]);

  // Opening a region page (from a link or a typed URL) unfolds the tree down to it.
  const ancestorKey = current.data?.ancestors.map((a) => a.code).join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reveal only sets state
  useEffect(() => {
    if (ancestorKey) reveal(ancestorKey.split(','));
  }, [ancestorKey]);

  const childQueries = useQueries({ queries: loaded.map((code) => childrenQuery(code)) });
  const childrenOf = new Map<string, Region[]>();
  loaded.forEach((code, i) => {
    const data = childQueries[i]?.data;
    if (data) childrenOf.set(code, data);
  });

  const toNode = (region: Region): DataNode => {
    const children = childrenOf.get(region.code);
    return {
      key: region.code,
      title: <span data-testid={`tree-node-${region.code}`}>{region.name}</span>,
      isLeaf: children ? children.length === 0 : region.childCount === 0,
      ...(children ? { children: children.map(toNode) } : {}),
    };
  };

  if (!canRead) return null;
  return (
    <div style={{ borderTop: '1px solid #eef0f3', padding: '12px 8px 16px' }} data-testid="region-tree">
      <Typography.Text type="secondary" style={{ display: 'block', padding: '0 8px 8px', fontSize: 12 }}>
        {t('nav.regionTree')}
      </Typography.Text>
      {roots.isPending && (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin size="small" />
        </Flex>
      )}
      {roots.isError && (
        <Flex vertical align="center" gap={8} style={{ padding: 16 }}>
          <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
          <Button size="small" onClick={() => void roots.refetch()}>
            {t('common.retry')}
          </Button>
        </Flex>
      )}
      {roots.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nav.treeEmpty')} />
      )}
      {roots.data && roots.data.length > 0 && (
        <Tree
          blockNode
          treeData={roots.data.map(toNode)}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          loadedKeys={loaded.filter((code) => childrenOf.has(code))}
          loadData={async (node) => {
            const code = String(node.key);
            await queryClient.ensureQueryData(childrenQuery(code));
            setLoaded((prev) => union(prev, [code]));
          }}
          selectedKeys={currentCode ? [currentCode] : []}
          onSelect={(_, info) => navigate(`/regions/${String(info.node.key)}`)}
        />
      )}
    </div>
  );
}
