import { PhoneOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Grid, Select, Tabs, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CHANNELS, WORK_ORDER_STATUSES } from '../../../shared/work-orders';
import { WORK_ORDER_VIEWS, type WorkOrderFilter, workOrdersQuery } from '../../api/work-orders';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CategorySelect } from './CategorySelect';
import { useWorkOrderLabels } from './labels';
import { listFilterOf, listParamsOf } from './list-view';
import { WorkOrdersTable } from './WorkOrdersTable';

/** /work-orders — my to-dos and the other views, filters, and a page at a time (keyset). */
export function WorkOrdersPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const labels = useWorkOrderLabels();
  const [params, setParams] = useSearchParams();
  const filter = listFilterOf(params, hasPermission(me, 'workorder.handle') ? 'mine' : 'all');
  const orders = useInfiniteQuery({ ...workOrdersQuery(filter), placeholderData: keepPreviousData });
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (changes: Partial<WorkOrderFilter>) =>
    setParams(listParamsOf({ ...filter, ...changes }), { replace: true });
  const views = WORK_ORDER_VIEWS.map((view) => ({ value: view, label: t(`wo.view.${view}`) }));
  // Seven views do not fit a 360-px phone as tabs: antd would hide some behind a "more" button
  // inside the tab list (a list of tabs may hold only tabs, issue 17). A phone picks from a list.
  const phone = Grid.useBreakpoint().md === false;

  return (
    <Card
      title={t('wo.list.title')}
      extra={
        hasPermission(me, 'workorder.intake') && (
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => navigate('/console')}>
            {t('nav.console')}
          </Button>
        )
      }
      styles={{ body: { padding: 0 } }}
      data-testid="work-orders-page"
    >
      {phone ? (
        <Select
          value={filter.view}
          onChange={(view) => update({ view })}
          aria-label={t('wo.view.label')}
          style={{ margin: '12px 16px', width: 'calc(100% - 32px)' }}
          options={views}
          data-testid="view-select"
        />
      ) : (
        <Tabs
          activeKey={filter.view}
          onChange={(view) => update({ view: view as WorkOrderFilter['view'] })}
          style={{ padding: '0 16px' }}
          items={views.map(({ value, label }) => ({
            key: value,
            label: <span data-testid={`view-${value}`}>{label}</span>,
          }))}
        />
      )}
      <Flex gap={8} wrap style={{ padding: '0 16px 12px' }} data-testid="work-order-filters">
        {filter.flag && (
          // Set by a count on the phone home; closing it shows the whole view again.
          <Tag closable color="red" onClose={() => update({ flag: '' })} data-testid="filter-flag">
            {t(`phone.flag.${filter.flag}`)}
          </Tag>
        )}
        <Select
          allowClear
          value={filter.status || undefined}
          onChange={(status) => update({ status: status ?? '' })}
          placeholder={t('wo.status')}
          aria-label={t('wo.status')}
          style={{ width: 140 }}
          options={WORK_ORDER_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
          data-testid="filter-status"
        />
        <CategorySelect
          allowClear
          value={filter.category || undefined}
          onChange={(category) => update({ category: category ?? '' })}
          placeholder={t('wo.category')}
          style={{ width: 200 }}
          testId="filter-category"
        />
        <RegionTreeSelect
          allowClear
          value={filter.region || undefined}
          onChange={(region) => update({ region: region ?? '' })}
          placeholder={t('wo.place')}
          style={{ width: 220 }}
          testId="filter-region"
        />
        <Select
          allowClear
          value={filter.channel || undefined}
          onChange={(channel) => update({ channel: channel ?? '' })}
          placeholder={t('wo.channel')}
          aria-label={t('wo.channel')}
          style={{ width: 120 }}
          options={CHANNELS.map((channel) => ({ value: channel, label: labels.channel(channel) }))}
          data-testid="filter-channel"
        />
      </Flex>
      {orders.isError ? (
        <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <>
          <WorkOrdersTable
            orders={rows}
            loading={orders.isPending || orders.isPlaceholderData}
            empty={
              filter.view === 'mine' &&
              !filter.status &&
              !filter.category &&
              !filter.region &&
              !filter.channel &&
              !filter.flag ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.list.emptyMine')}>
                  <Button onClick={() => update({ view: 'all' })} data-testid="empty-mine-show-all">
                    {t('wo.list.showAll')}
                  </Button>
                </Empty>
              ) : undefined
            }
          />
          <LoadMore
            count={rows.length}
            hasMore={orders.hasNextPage}
            loading={orders.isFetchingNextPage}
            onLoadMore={() => void orders.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
