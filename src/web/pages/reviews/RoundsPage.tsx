import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, InputNumber, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type RoundSummary, roundsQuery } from '../../api/reviews';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { NewRoundModal } from './NewRoundModal';

export const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
export const statusColor = { open: 'blue', closed: 'orange', published: 'green' } as const;

/** /reviews — the review rounds of the regions in scope, by year. */
export function RoundsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? String(thisYear());
  const [creating, setCreating] = useState(false);
  const rounds = useQuery(roundsQuery(year));
  return (
    <Card
      title={t('nav.reviews')}
      data-testid="reviews-page"
      extra={
        <Space wrap>
          <Link to="/reviews/members">{t('nav.memberEvaluation')}</Link>
          {hasPermission(me, 'review.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-round">
              {t('reviews.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap={8} style={{ marginBottom: 12 }} align="center">
        {t('reviews.year')}
        <InputNumber
          min={2000}
          max={2100}
          value={Number(year)}
          aria-label={t('reviews.year')}
          onChange={(next) => next && setParams({ year: String(next) }, { replace: true })}
        />
      </Flex>
      {rounds.isError ? (
        <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : (
        <ResponsiveTable<RoundSummary>
          rowKey="id"
          size="small"
          loading={rounds.isPending}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('reviews.empty') }}
          columns={[
            {
              title: t('reviews.name'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <Link to={`/reviews/${r.id}`} data-testid="round-link">
                  {name}
                </Link>
              ),
            },
            { title: t('reviews.region'), dataIndex: 'regionName' },
            {
              title: t('reviews.period'),
              dataIndex: 'fromMonth',
              render: (from: string, r) => `${from} – ${r.toMonth}`,
            },
            { title: t('reviews.units'), dataIndex: 'units' },
            {
              title: t('reviews.status'),
              dataIndex: 'status',
              render: (s: RoundSummary['status']) => (
                <Tag color={statusColor[s]}>{t(`reviews.status.${s}`)}</Tag>
              ),
            },
          ]}
        />
      )}
      {creating && <NewRoundModal year={Number(year)} onClose={() => setCreating(false)} />}
    </Card>
  );
}
