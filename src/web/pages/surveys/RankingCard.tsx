import { useQuery } from '@tanstack/react-query';
import { Card, Input } from 'antd';
import { useState } from 'react';
import { rankingQuery, type SurveyRanking } from '../../api/surveys';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/useMe';
import { intervalText } from './interval-text';

type Row = SurveyRanking['rows'][number];

/** A city's districts in the user's scope, ranked by the satisfied share of their closed surveys. */
export function RankingCard() {
  const { t } = useI18n();
  const me = useMe();
  const home = (me.permissions['survey.read'] ?? [])[0]?.slice(0, 4) ?? '';
  const [city, setCity] = useState(home);
  const ranking = useQuery(rankingQuery(city));
  return (
    <Card
      title={t('surveys.ranking')}
      extra={
        <Input
          aria-label={t('surveys.ranking.city')}
          placeholder={t('surveys.ranking.city')}
          value={city}
          maxLength={4}
          inputMode="numeric"
          onChange={(e) => setCity(e.target.value.replace(/\D/g, ''))}
          style={{ width: 120 }}
          data-testid="ranking-city"
        />
      }
      data-testid="survey-ranking"
    >
      {ranking.isError ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <ResponsiveTable<Row>
          rowKey="regionCode"
          size="small"
          loading={ranking.isFetching}
          dataSource={ranking.data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: t('surveys.ranking.empty') }}
          columns={[
            { title: t('surveys.ranking.rank'), dataIndex: 'rank' },
            { title: t('surveys.results.region'), dataIndex: 'name' },
            { title: t('surveys.ranking.surveys'), dataIndex: 'surveys' },
            {
              title: t('surveys.results.interval'),
              dataIndex: 'interval',
              render: (_: unknown, r) => intervalText(t, r.interval, r.n),
            },
          ]}
        />
      )}
    </Card>
  );
}
