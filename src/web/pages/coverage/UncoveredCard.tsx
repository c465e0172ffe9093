import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { uncoveredQuery } from '../../api/coverage';
import type { UncoveredHousehold } from '../../api/organization-types';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { placeOf } from '../households/place';
import { AssignCareModal } from './AssignCareModal';

/** Households without a caring member, page by page, each with a one-click 指派. */
export function UncoveredCard({ code, uncoveredCount }: { code: string; uncoveredCount: number }) {
  const { t } = useI18n();
  const me = useMe();
  const uncovered = useInfiniteQuery(uncoveredQuery(code));
  const [assigning, setAssigning] = useState<UncoveredHousehold | null>(null);
  const rows = uncovered.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<UncoveredHousehold> = [
    {
      title: t('coverage.household'),
      key: 'place',
      render: (_, h) => (
        <Link to={`/households/${h.id}`} data-testid={`uncovered-link-${h.id}`}>
          {h.placeName} {placeOf(t, h)}
        </Link>
      ),
    },
    // Households in buildings have no address of their own: the column only when some have one.
    ...(rows.some((h) => h.address)
      ? [
          {
            title: t('household.address'),
            dataIndex: 'address',
            render: (address: string) => <Typography.Text type="secondary">{address}</Typography.Text>,
          },
        ]
      : []),
    {
      title: t('common.actions'),
      key: 'assign',
      width: 100,
      render: (_, h) =>
        hasPermissionIn(me, 'care.assign', h.regionCode) ? (
          <Button size="small" type="link" onClick={() => setAssigning(h)} data-testid={`assign-${h.id}`}>
            {t('coverage.assign')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      title={t('coverage.uncovered')}
      extra={
        <Typography.Text type="secondary" data-testid="uncovered-count">
          {t('coverage.uncoveredHint', { count: uncoveredCount })}
        </Typography.Text>
      }
      style={{ marginTop: 16 }}
      styles={{ body: { padding: uncovered.isError ? undefined : 0 } }}
    >
      {uncovered.isError ? (
        <QueryError error={uncovered.error} onRetry={() => void uncovered.refetch()} />
      ) : (
        <>
          <Table<UncoveredHousehold>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={uncovered.isPending}
            pagination={false}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coverage.allCovered')} />
              ),
            }}
            data-testid="uncovered-table"
          />
          <LoadMore
            count={rows.length}
            hasMore={uncovered.hasNextPage}
            loading={uncovered.isFetchingNextPage}
            onLoadMore={() => void uncovered.fetchNextPage()}
          />
        </>
      )}
      {assigning && <AssignCareModal household={assigning} onClose={() => setAssigning(null)} />}
    </Card>
  );
}
