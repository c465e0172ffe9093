import { TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type RankingEntry, type RankingOrder, rankingsQuery } from '../../api/timebank';
import { QueryError } from '../../components/QueryError';
import { RegionName } from '../../components/RegionName';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/useMe';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * /timebank/rankings — volunteers of a region ranked by the hours credited to them, or by all the
 * minutes they earned helping, over a span of months. Names the reader may not see in the
 * register come masked from the server.
 */
export function RankingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [region, setRegion] = useState<string>(me.permissions['timebank.read']?.[0] ?? '');
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [by, setBy] = useState<RankingOrder>('hours');
  const ranking = useQuery(
    rankingsQuery({ region, from: period[0].format('YYYY-MM'), to: period[1].format('YYYY-MM'), by }),
  );
  const masked = ranking.data?.items.some((item) => item.masked) ?? false;

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <TrophyOutlined />
          {t('timebank.rankings')}
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
      data-testid="timebank-rankings"
    >
      <Flex gap={12} wrap style={{ padding: 16 }}>
        <RegionTreeSelect
          value={region}
          onChange={(code) => code && setRegion(code)}
          style={{ width: 260 }}
          testId="timebank-rankings-region"
        />
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={period}
          onChange={(value) => value?.[0] && value[1] && setPeriod([value[0], value[1]])}
          disabledDate={(date) => date.isAfter(dayjs(), 'month')}
          data-testid="timebank-rankings-period"
        />
        <Segmented<RankingOrder>
          value={by}
          onChange={setBy}
          options={[
            { value: 'hours', label: t('timebank.byHours') },
            { value: 'minutes', label: t('timebank.byMinutes') },
          ]}
          data-testid="timebank-rankings-by"
        />
      </Flex>
      {masked && (
        <Typography.Paragraph type="secondary" style={{ padding: '0 16px' }}>
          {t('timebank.rankingsMasked')}
        </Typography.Paragraph>
      )}
      {ranking.isError ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <ResponsiveTable<RankingEntry>
          rowKey="accountId"
          dataSource={ranking.data?.items ?? []}
          loading={ranking.isFetching}
          pagination={false}
          locale={{ emptyText: t('timebank.rankingsEmpty') }}
          data-testid="timebank-rankings-table"
          columns={[
            { title: t('timebank.rank'), dataIndex: 'rank', width: 72, align: 'center' },
            { title: t('timebank.volunteer'), dataIndex: 'name' },
            {
              title: t('timebank.region'),
              dataIndex: 'regionCode',
              render: (code: string) => <RegionName code={code} />,
            },
            {
              title: t('timebank.hours'),
              dataIndex: 'serviceMinutes',
              align: 'right',
              render: (minutes: number) => hours(minutes),
            },
            { title: t('timebank.earnedMinutes'), dataIndex: 'earnedMinutes', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
