import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  coverageQuery,
  createPairing,
  pairingKeys,
  type UncoveredHousehold,
  uncoveredQuery,
} from '../../api/pairings';
import { FigureProgress } from '../../components/FigureProgress';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

type Row = { regionCode: string; name: string; households: number; covered: number; perMille: number | null };

/**
 * /pairings/coverage — 困难户帮扶覆盖率 for a region and each child (click a child to drill down),
 * and the households in difficulty still without a pairing, each paired with the signed-in cadre
 * in one click.
 */
export function CoveragePage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const region = params.get('region') ?? '';
  const coverage = useQuery(coverageQuery(region));
  const uncovered = useInfiniteQuery(uncoveredQuery(region));
  const rows = uncovered.data?.pages.flatMap((page) => page.items) ?? [];
  const pair = useMutation({
    mutationFn: (household: UncoveredHousehold) =>
      createPairing({
        helperKind: 'user',
        helperId: me.id,
        targetKind: 'household',
        targetId: household.id,
        goals: '帮助困难户脱困增收',
        startedOn: dayjs().tz(ZONE).format('YYYY-MM-DD'),
      }),
    onSuccess: async (created) => {
      void message.success(t('pairings.created'));
      await client.invalidateQueries({ queryKey: pairingKeys.all });
      void navigate(`/pairings/${created.id}`);
    },
    onError: (error) => void message.error(error.message),
  });
  const rate = (row: Row) =>
    row.perMille === null ? (
      '—'
    ) : (
      <FigureProgress
        label={`${row.name} ${t('pairings.coverage')}`}
        percent={row.perMille / 10}
        size="small"
        style={{ minWidth: 120 }}
      />
    );
  const c = coverage.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="coverage-page">
      <Card
        title={t('pairings.coverage')}
        extra={
          <Breadcrumb
            items={[
              { title: <Link to="/pairings">{t('nav.pairings')}</Link> },
              ...(region ? [{ title: <Link to="/pairings/coverage">{t('pairings.region')}</Link> }] : []),
            ]}
          />
        }
      >
        {coverage.isError ? (
          <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
        ) : (
          <ResponsiveTable<Row>
            rowKey="regionCode"
            size="small"
            loading={coverage.isPending}
            dataSource={c ? [c.region, ...c.children] : []}
            pagination={false}
            onRow={() => ({ 'data-testid': 'coverage-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('pairings.region'),
                dataIndex: 'name',
                render: (name: string, row) =>
                  row.regionCode === c?.region.regionCode ? (
                    <strong>{name}</strong>
                  ) : (
                    <Link to={`/pairings/coverage?region=${row.regionCode}`}>{name}</Link>
                  ),
              },
              { title: t('pairings.households'), dataIndex: 'households', align: 'right' },
              { title: t('pairings.covered'), dataIndex: 'covered', align: 'right' },
              { title: t('pairings.rate'), dataIndex: 'perMille', render: (_: unknown, row) => rate(row) },
            ]}
          />
        )}
      </Card>
      <Card title={t('pairings.uncovered')}>
        {uncovered.isError ? (
          <QueryError error={uncovered.error} onRetry={() => void uncovered.refetch()} />
        ) : (
          <>
            <ResponsiveTable<UncoveredHousehold>
              rowKey="id"
              size="small"
              loading={uncovered.isPending}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('pairings.uncoveredEmpty') }}
              onRow={() => ({ 'data-testid': 'uncovered-row' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('pairings.head'), dataIndex: 'headName', render: (name: string) => name || '—' },
                {
                  title: t('pairings.address'),
                  dataIndex: 'address',
                  // Most households have their building in the tree rather than a typed address.
                  render: (address: string, row: UncoveredHousehold) => address || row.placeName,
                },
                {
                  title: t('pairings.tags'),
                  dataIndex: 'tags',
                  render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
                },
                {
                  title: '',
                  dataIndex: 'id',
                  render: (_: string, household) =>
                    hasPermission(me, 'pairing.manage') && (
                      <Button
                        size="small"
                        type="primary"
                        loading={pair.isPending && pair.variables?.id === household.id}
                        onClick={() => pair.mutate(household)}
                        data-testid="pair-household"
                      >
                        {t('pairings.pairMe')}
                      </Button>
                    ),
                },
              ]}
            />
            <LoadMore
              count={rows.length}
              hasMore={uncovered.hasNextPage}
              loading={uncovered.isFetchingNextPage}
              onLoadMore={() => void uncovered.fetchNextPage()}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
