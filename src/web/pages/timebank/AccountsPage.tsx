import { useInfiniteQuery } from '@tanstack/react-query';
import { Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Account, accountsQuery } from '../../api/timebank';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';

/** /timebank — the time-bank accounts of the user's jurisdiction, searched by owner name, paged. */
export function AccountsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const accounts = useInfiniteQuery(accountsQuery(q));
  const rows = accounts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('timebank.accounts')}
      extra={
        <Link to="/timebank/rankings" data-testid="timebank-rankings-link">
          {t('timebank.rankings')}
        </Link>
      }
      styles={{ body: { padding: 0 } }}
      data-testid="timebank-accounts"
    >
      <Flex gap={12} style={{ padding: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('timebank.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 280 }}
          data-testid="timebank-search"
        />
      </Flex>
      {accounts.isError ? (
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <>
          <ResponsiveTable<Account>
            rowKey="id"
            dataSource={rows}
            loading={accounts.isPending}
            pagination={false}
            columns={[
              {
                title: t('timebank.owner'),
                dataIndex: 'ownerName',
                render: (name: string, account) => (
                  <Link to={`/timebank/accounts/${account.id}`} data-testid="timebank-account-link">
                    {name}
                  </Link>
                ),
              },
              {
                title: t('timebank.kind'),
                dataIndex: 'ownerKind',
                render: (kind: Account['ownerKind']) => t(`timebank.kind.${kind}`),
              },
              { title: t('timebank.region'), dataIndex: 'regionCode' },
              { title: t('timebank.balance'), dataIndex: 'balanceMinutes', align: 'right' },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={accounts.hasNextPage}
            loading={accounts.isFetchingNextPage}
            onLoadMore={() => void accounts.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
