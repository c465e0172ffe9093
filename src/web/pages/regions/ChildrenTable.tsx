import { useQuery } from '@tanstack/react-query';
import { Card, Empty, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { childrenQuery } from '../../api/regions';
import type { Region, RegionDetail } from '../../api/types';
import { KindTag } from '../../components/KindTag';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { CreateChildButton } from './CreateChildButton';
import { RegionEditActions } from './RegionEditActions';
import { childKindOf, isLocal } from './region-rules';

/** The subregions of a region; names open their pages, local ones can be renamed or deleted. */
export function ChildrenTable({ parent, canWrite }: { parent: RegionDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const children = useQuery(childrenQuery(parent.code));
  const childKind = childKindOf(parent.kind);

  const columns: TableColumnsType<Region> = [
    {
      title: t('region.name'),
      dataIndex: 'name',
      render: (name: string, region) => (
        <Link to={`/regions/${region.code}`} data-testid={`child-link-${region.code}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('region.code'),
      dataIndex: 'code',
      width: 200,
      render: (code: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{code}</Typography.Text>,
    },
    {
      title: t('region.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_, region) => <KindTag kind={region.kind} />,
    },
    { title: t('region.childCount'), dataIndex: 'childCount', width: 100, align: 'right' },
  ];
  if (canWrite && childKind) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, region) => (isLocal(region) ? <RegionEditActions region={region} variant="link" /> : null),
    });
  }

  const emptyText =
    childKind === 'grid'
      ? t('region.childrenEmptyGrid')
      : childKind === 'building'
        ? t('region.childrenEmptyBuilding')
        : t('region.childrenEmpty');

  return (
    <Card
      title={t('region.children')}
      extra={canWrite && childKind && <CreateChildButton parent={parent} />}
      style={{ marginTop: 16 }}
      styles={{ body: { padding: children.isError ? undefined : 0 } }}
    >
      {children.isError ? (
        <QueryError error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <ResponsiveTable<Region>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={children.data}
          loading={children.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />,
          }}
          data-testid="children-table"
        />
      )}
    </Card>
  );
}
