import { type UseQueryResult, useQueries, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Organization, OrganizationDetail } from '../../api/organization-types';
import { organizationQuery } from '../../api/organizations';
import { OrgKindTag } from '../../components/OrgKindTag';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  roots: UseQueryResult<Organization[]>;
  selectedId: string | undefined;
}

const union = (a: string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * The organizations of the jurisdiction, children loaded as a node opens (from the organization
 * detail, which the page shares): a new suborganization appears without a reload.
 */
export function OrganizationTree({ roots, selectedId }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const reveal = (ids: readonly string[]) => {
    setExpanded((prev) => union(prev, ids));
    setLoaded((prev) => union(prev, ids));
  };

  // The selected organization (a link, a new suborganization) unfolds the tree down to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reveal only sets state
  useEffect(() => {
    let cancelled = false;
    const walk = async () => {
      const chain: string[] = [];
      let id: string | null | undefined = selectedId;
      while (id && chain.length < 20) {
        chain.push(id);
        const detail: OrganizationDetail | null = await queryClient
          .ensureQueryData(organizationQuery(id))
          .catch(() => null);
        // A parent outside the reader's scope is a root of their tree: asking for it is bound to 404.
        id = detail?.parent?.visible ? detail.parent.id : null;
      }
      if (!cancelled) reveal(chain);
    };
    void walk();
    return () => {
      cancelled = true;
    };
  }, [selectedId, queryClient]);

  const details = useQueries({ queries: loaded.map((id) => organizationQuery(id)) });
  const childrenOf = new Map<string, Organization[]>();
  loaded.forEach((id, i) => {
    const data = details[i]?.data;
    if (data) childrenOf.set(id, data.children);
  });

  const toNode = (organization: Organization): DataNode => {
    const children = childrenOf.get(organization.id);
    return {
      key: organization.id,
      title: (
        <Flex
          gap={6}
          align="center"
          style={{ whiteSpace: 'nowrap' }}
          data-testid={`org-node-${organization.id}`}
        >
          <span>{organization.name}</span>
          <OrgKindTag kind={organization.kind} small />
        </Flex>
      ),
      isLeaf: children ? children.length === 0 : false,
      ...(children ? { children: children.map(toNode) } : {}),
    };
  };

  if (roots.isPending) {
    return (
      <Flex justify="center" style={{ padding: 16 }}>
        <Spin size="small" />
      </Flex>
    );
  }
  if (roots.isError) {
    return (
      <Flex vertical align="center" gap={8} style={{ padding: 16 }}>
        <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
        <Button size="small" onClick={() => void roots.refetch()}>
          {t('common.retry')}
        </Button>
      </Flex>
    );
  }
  if (roots.data.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.none')} />;
  return (
    <Tree
      blockNode
      treeData={roots.data.map(toNode)}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadedKeys={loaded.filter((id) => childrenOf.has(id))}
      loadData={async (node) => {
        const id = String(node.key);
        await queryClient.ensureQueryData(organizationQuery(id));
        setLoaded((prev) => union(prev, [id]));
      }}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_, info) => {
        const id = String(info.node.key);
        navigate(`/organizations/${id}`);
      }}
      data-testid="org-tree"
    />
  );
}
