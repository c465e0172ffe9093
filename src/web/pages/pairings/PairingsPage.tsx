import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PAIRING_STATUSES } from '../../../shared/api/pairings';
import { type PairingSummary, pairingsQuery } from '../../api/pairings';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { NewPairingModal } from './NewPairingModal';

/** /pairings — 帮扶结对 in scope, newest first, filtered by status, a page at a time. */
export function PairingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [creating, setCreating] = useState(false);
  const pairings = useInfiniteQuery({ ...pairingsQuery(status), placeholderData: keepPreviousData });
  const rows = pairings.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('nav.pairings')}
      extra={
        <Space wrap>
          <Link to="/pairings/coverage" data-testid="coverage-link">
            {t('nav.pairingCoverage')}
          </Link>
          {hasPermission(me, 'pairing.manage') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-pairing">
              {t('pairings.new')}
            </Button>
          )}
        </Space>
      }
      data-testid="pairings-page"
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          value={status}
          onChange={(next) => setParams(next ? { status: next } : {}, { replace: true })}
          aria-label={t('pairings.status')}
          style={{ width: 160, maxWidth: '100%' }}
          options={[
            { value: '', label: t('pairings.allStatuses') },
            ...PAIRING_STATUSES.map((s) => ({ value: s, label: t(`pairings.status.${s}`) })),
          ]}
        />
      </Flex>
      {pairings.isError ? (
        <QueryError error={pairings.error} onRetry={() => void pairings.refetch()} />
      ) : (
        <>
          <ResponsiveTable<PairingSummary>
            rowKey="id"
            size="small"
            loading={pairings.isPending || pairings.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('pairings.empty') }}
            onRow={() => ({ 'data-testid': 'pairing-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('pairings.target'),
                dataIndex: 'targetName',
                render: (name: string, p) => (
                  <Link to={`/pairings/${p.id}`} data-testid="pairing-link">
                    {name}
                  </Link>
                ),
              },
              {
                title: t('pairings.targetKind'),
                dataIndex: 'targetKind',
                render: (kind: PairingSummary['targetKind']) => t(`pairings.targetKind.${kind}`),
              },
              { title: t('pairings.helper'), dataIndex: 'helperName' },
              { title: t('pairings.startedOn'), dataIndex: 'startedOn' },
              {
                title: t('pairings.nextContactOn'),
                dataIndex: 'nextContactOn',
                render: (day: string | null) => day ?? '—',
              },
              {
                title: t('pairings.status'),
                dataIndex: 'status',
                render: (s: PairingSummary['status'], p) => (
                  <Tag color={s === 'active' ? 'green' : undefined}>
                    {t(`pairings.status.${s}`)}
                    {p.endReason && ` · ${t(`pairings.endReason.${p.endReason}`)}`}
                  </Tag>
                ),
              },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={pairings.hasNextPage}
            loading={pairings.isFetchingNextPage}
            onLoadMore={() => void pairings.fetchNextPage()}
          />
        </>
      )}
      {creating && <NewPairingModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
