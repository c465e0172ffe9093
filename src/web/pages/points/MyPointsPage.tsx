import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, InputNumber, Statistic } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { myPointsQuery } from '../../api/points';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { thisYear } from '../reviews/RoundsPage';
import { LedgerTable } from './LedgerTable';

/** /me/points — the signed-in member's own points of a year, by source, with each row's reason. */
export function MyPointsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(thisYear());
  const mine = useQuery(myPointsQuery(year));
  const notMember = mine.error instanceof ApiError && mine.error.status === 404;
  return (
    <Card title={t('nav.myPoints')} data-testid="my-points-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          value={year}
          aria-label={t('points.year')}
          onChange={(y) => y && setYear(y)}
        />
      </Flex>
      {notMember && <Alert type="info" showIcon title={t('points.notMember')} />}
      {mine.isError && !notMember && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && (
        <>
          <Statistic title={t('points.myTotal', { year })} value={mine.data.total} />
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 4 }}
            style={{ margin: '12px 0' }}
            items={(
              ['volunteer_hours', 'visits', 'meetings_attended', 'study_passed', 'manual'] as const
            ).map((kind) => ({
              key: kind,
              label: t(`points.kind.${kind}`),
              children: mine.data.byKind[kind],
            }))}
          />
          <LedgerTable rows={mine.data.rows} />
        </>
      )}
    </Card>
  );
}
