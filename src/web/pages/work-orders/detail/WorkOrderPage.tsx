import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Grid, Result, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { WorkOrderAction } from '../../../../shared/work-orders';
import { isApiError } from '../../../api/client';
import { workOrderQuery } from '../../../api/work-orders';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { useWorkOrderDrafts } from '../../../offline/useWorkOrderDrafts';
import { useMe } from '../../../session/useMe';
import { useCategoryName } from '../category-name';
import { WorkOrderDrafts } from '../drafts/WorkOrderDrafts';
import { OrderBadges, StatusTag, TimeLeftTag, useNow } from '../OrderTags';
import { RegionPath } from '../RegionPath';
import { ActionButtons } from './ActionButtons';
import { ActionModal } from './ActionModal';
import { Attachments } from './Attachments';
import { OrderFacts } from './OrderFacts';
import { OrderTimeline } from './OrderTimeline';

/**
 * /work-orders/:id — one order: its facts, its steps, and the steps the user may take now. Below
 * 768 px the steps sit in a bar held at the bottom of the screen (one thumb away), which comes to
 * rest after the timeline at the page's end, so it never hides the last of the content. Drafts of
 * this order's steps waiting to be sent are shown first.
 */
export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const now = useNow();
  const order = useQuery(workOrderQuery(id));
  const [action, setAction] = useState<WorkOrderAction | null>(null);
  const narrow = Grid.useBreakpoint().md === false;
  const drafts = useWorkOrderDrafts(useMe().id).filter((draft) => draft.orderId === id);
  const waiting = drafts.map((draft) => draft.action);

  if (order.isPending) return <FullPageSpin />;
  if (order.isError) {
    if (isApiError(order.error, 404)) {
      return <Result status="404" title={t('wo.notFound')} data-testid="order-not-found" />;
    }
    return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  }
  const data = order.data;
  return (
    <Flex vertical gap={16} data-testid="order-page">
      <WorkOrderDrafts drafts={drafts} />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <div>
            <Space align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-number">
                {data.number}
              </Typography.Title>
              <StatusTag status={data.status} />
              <TimeLeftTag order={data} now={now} />
              <OrderBadges order={data} />
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              {categoryName(data)} · <RegionPath code={data.regionCode} last={3} />
            </Typography.Paragraph>
          </div>
          {!narrow && (
            <ActionButtons actions={data.availableActions} onAction={setAction} waiting={waiting} />
          )}
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <OrderFacts order={data} />
            {data.attachments.length > 0 && (
              <Card title={t('wo.attachments')}>
                <Attachments items={data.attachments} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <OrderTimeline events={data.events} attachments={data.attachments} />
        </Col>
      </Row>
      {narrow && data.availableActions.length > 0 && (
        <nav className="lx-action-bar" aria-label={t('phone.actionBar')} data-testid="order-action-bar">
          <ActionButtons actions={data.availableActions} onAction={setAction} waiting={waiting} bar />
        </nav>
      )}
      {action && <ActionModal order={data} action={action} onClose={() => setAction(null)} />}
    </Flex>
  );
}
