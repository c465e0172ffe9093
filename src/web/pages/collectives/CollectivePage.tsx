import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, InputNumber, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  approveRun,
  type CollectiveDetail,
  collectiveKeys,
  collectiveQuery,
  type DividendRun,
  downloadPayouts,
  draftRun,
  type Shareholder,
  shareholdersQuery,
} from '../../api/collectives';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { saveFile } from '../../lib/save-file';
import { ZONE } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { yuan } from '../loans/format';
import { IncomeModal, ShareholderModal } from './CollectiveForms';

/** /collectives/:id — a collective: shareholders, income, dividend runs (draft, approve, Excel). */
export function CollectivePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [modal, setModal] = useState<'shareholder' | 'income' | null>(null);
  const [year, setYear] = useState(dayjs().tz(ZONE).year());
  const collective = useQuery(collectiveQuery(id));
  const holders = useInfiniteQuery(shareholdersQuery(id));
  const holderRows = holders.data?.pages.flatMap((page) => page.items) ?? [];
  const onError = (error: Error) => void message.error(error.message);
  const refresh = () => client.invalidateQueries({ queryKey: collectiveKeys.all });
  const draft = useMutation({ mutationFn: () => draftRun(id, year), onSuccess: refresh, onError });
  const approve = useMutation({ mutationFn: approveRun, onSuccess: refresh, onError });
  if (collective.error)
    return <QueryError error={collective.error} onRetry={() => void collective.refetch()} />;
  const c = collective.data;
  if (!c) return <Card loading />;
  const manage = hasPermission(me, 'collective.manage');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="collective-page">
      <Card title={c.name}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label={t('collectives.region')}>{c.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('collectives.retention')}>{c.retentionBp / 100}</Descriptions.Item>
          <Descriptions.Item label={t('collectives.shareholders')}>{c.shareholders}</Descriptions.Item>
          <Descriptions.Item label={t('collectives.totalShares')}>{c.totalShares}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('collectives.runs')}
        extra={
          manage && (
            <Space>
              <InputNumber
                min={2000}
                max={2100}
                value={year}
                aria-label={t('collectives.year')}
                onChange={(v) => v && setYear(v)}
              />
              <Button onClick={() => draft.mutate()} loading={draft.isPending} data-testid="draft-run">
                {t('collectives.draft')}
              </Button>
            </Space>
          )
        }
      >
        <ResponsiveTable<DividendRun>
          rowKey="id"
          size="small"
          dataSource={c.runs}
          pagination={false}
          onRow={() => ({ 'data-testid': 'run-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('collectives.year'), dataIndex: 'year' },
            { title: t('collectives.income'), dataIndex: 'incomeFen', align: 'right', render: yuan },
            { title: t('collectives.retained'), dataIndex: 'retainedFen', align: 'right', render: yuan },
            { title: t('collectives.perShare'), dataIndex: 'perShareFen', align: 'right', render: yuan },
            { title: t('collectives.paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
            { title: t('collectives.remainder'), dataIndex: 'remainderFen', align: 'right' },
            {
              title: t('collectives.draftedBy'),
              dataIndex: 'draftedBy',
              render: (by: string, run) => (
                <Space direction="vertical" size={0}>
                  <span>{by}</span>
                  {run.approvedBy && <span>{`${t('collectives.approvedBy')}: ${run.approvedBy}`}</span>}
                </Space>
              ),
            },
            {
              title: '',
              dataIndex: 'status',
              render: (status: DividendRun['status'], run) => (
                <Space wrap>
                  <Tag color={status === 'approved' ? 'green' : 'orange'} data-testid="run-status">
                    {t(`collectives.runStatus.${status}`)}
                  </Tag>
                  {manage && status === 'draft' && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => approve.mutate(run.id)}
                      data-testid="approve-run"
                    >
                      {t('collectives.approve')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() => void downloadPayouts(run.id).then(saveFile, onError)}
                    data-testid="payouts-excel"
                  >
                    {t('collectives.excel')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('collectives.incomes')}
        extra={manage && <Button onClick={() => setModal('income')}>{t('collectives.addIncome')}</Button>}
      >
        <ResponsiveTable<CollectiveDetail['incomes'][number]>
          rowKey="id"
          size="small"
          dataSource={c.incomes}
          pagination={false}
          columns={[
            { title: t('collectives.year'), dataIndex: 'year' },
            { title: t('collectives.receivedOn'), dataIndex: 'receivedOn' },
            { title: t('collectives.source'), dataIndex: 'source' },
            { title: t('collectives.amountYuan'), dataIndex: 'amountFen', align: 'right', render: yuan },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('collectives.shareholders')}
        extra={
          manage && <Button onClick={() => setModal('shareholder')}>{t('collectives.addShareholder')}</Button>
        }
      >
        <ResponsiveTable<Shareholder>
          rowKey="personId"
          size="small"
          dataSource={holderRows}
          loading={holders.isPending}
          pagination={false}
          columns={[
            { title: t('collectives.person'), dataIndex: 'name' },
            { title: t('collectives.idNumber'), dataIndex: 'idNumber' },
            { title: t('collectives.shares'), dataIndex: 'shares', align: 'right' },
          ]}
        />
        <LoadMore
          count={holderRows.length}
          hasMore={holders.hasNextPage}
          loading={holders.isFetchingNextPage}
          onLoadMore={() => void holders.fetchNextPage()}
        />
      </Card>
      {modal === 'shareholder' && <ShareholderModal id={id} onClose={() => setModal(null)} />}
      {modal === 'income' && <IncomeModal id={id} onClose={() => setModal(null)} />}
    </Space>
  );
}
