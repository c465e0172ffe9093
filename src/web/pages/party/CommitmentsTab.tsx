import { DownOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Dropdown, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { commitmentsQuery } from '../../api/member-workflows';
import type { Commitment, Satisfaction } from '../../api/organization-types';
import { FigureProgress } from '../../components/FigureProgress';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { ZONE } from '../../lib/time';
import { useRateCommitment } from '../members/useCommitmentMutations';

const RATINGS: Satisfaction[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** The public list of commitments (承诺践诺) with progress, ratings and satisfaction; ratings recorded here. */
export function CommitmentsTab({ region }: { region: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = dayjs().tz(ZONE).year();
  const [year, setYear] = useState<number | null>(current);
  const commitments = useQuery(commitmentsQuery(region, year));
  const rate = useRateCommitment();

  const columns: TableColumnsType<Commitment> = [
    {
      title: t('member.name'),
      dataIndex: 'memberName',
      width: 110,
      render: (name: string, c) => <Link to={`/members/${c.memberId}`}>{name}</Link>,
    },
    { title: t('commitment.yearLabel'), dataIndex: 'year', width: 70 },
    { title: t('commitment.content'), dataIndex: 'content' },
    {
      title: t('commitment.progress'),
      dataIndex: 'progress',
      width: 160,
      render: (p: number, c) => (
        <FigureProgress label={`${c.memberName} ${t('commitment.progress')}`} percent={p} size="small" />
      ),
    },
    {
      title: t('commitment.ratings'),
      key: 'ratings',
      width: 170,
      render: (_, c) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('commitment.ratingCounts', {
            satisfied: c.ratings.satisfied,
            basically: c.ratings.basicallySatisfied,
            unsatisfied: c.ratings.unsatisfied,
          })}
        </Typography.Text>
      ),
    },
    {
      title: t('commitment.satisfactionRate'),
      dataIndex: 'satisfactionRate',
      width: 90,
      align: 'right',
      render: (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`),
    },
    {
      title: t('common.actions'),
      key: 'rate',
      width: 100,
      render: (_, c) => (
        <Dropdown
          trigger={['click']}
          menu={{
            items: RATINGS.map((r) => ({ key: r, label: t(`satisfaction.${r}`) })),
            onClick: ({ key }) =>
              rate.mutate(
                { id: c.id, rating: key as Satisfaction },
                {
                  onSuccess: () => void message.success(t('commitment.rated')),
                  onError: (error) => void message.error(errorMessage(error, t)),
                },
              ),
          }}
        >
          <Button size="small" type="link" data-testid={`rate-${c.id}`}>
            <Space size={4}>
              {t('commitment.rate')}
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </Button>
        </Dropdown>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('commitment.yearLabel')}</Typography.Text>
        <Select<number | null>
          aria-label={t('commitment.yearLabel')}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[
            { value: null, label: t('commitment.allYears') },
            ...[current + 1, current, current - 1, current - 2].map((y) => ({ value: y, label: String(y) })),
          ]}
        />
      </Space>
      {commitments.isError ? (
        <QueryError error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : (
        <Table<Commitment>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={commitments.data}
          loading={commitments.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('commitment.none') }}
          data-testid="commitments-table"
        />
      )}
    </>
  );
}
