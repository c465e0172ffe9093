import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { WorkOrderAction } from '../../../../shared/work-orders';
import type { WorkOrder } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { hasPermission } from '../../../session/permissions';
import { useMe } from '../../../session/useMe';
import { useCategoryName } from '../category-name';
import { ActionModal } from '../detail/ActionModal';
import { useWorkOrderLabels } from '../labels';
import { StatusTag } from '../OrderTags';
import { RegionPath } from '../RegionPath';

/**
 * The order just taken: its number to read out to the caller, and the two ways on — answer on
 * the spot (a note ends it) or dispatch it down the tree — then the next call.
 */
export function CreatedCard({ order, onNext }: { order: WorkOrder; onNext: () => void }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const me = useMe();
  const labels = useWorkOrderLabels();
  const [current, setCurrent] = useState(order);
  const [action, setAction] = useState<WorkOrderAction | null>(null);
  /** The step just taken from this card, confirmed under the summary (派单 said nothing before). */
  const [done, setDone] = useState<WorkOrderAction | null>(null);
  const open = current.status === 'received' || current.status === 'pending_dispatch';
  return (
    <Card data-testid="console-created">
      <Result
        icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
        title={
          <span>
            {t('wo.console.created')}{' '}
            <Typography.Text copyable strong style={{ fontSize: 22 }} data-testid="created-number">
              {current.number}
            </Typography.Text>
          </span>
        }
        subTitle={
          <Space direction="vertical" size={4}>
            <span>
              {categoryName(current)} · <RegionPath code={current.regionCode} last={3} />{' '}
              <StatusTag status={current.status} />
            </span>
            <span>{t('wo.console.createdDue', { due: formatTime(current.dueAt) })}</span>
            {done === 'dispatch' && (
              <Alert
                type="success"
                showIcon
                data-testid="created-dispatched"
                title={
                  <span>
                    {t('wo.console.dispatchedTo')} <RegionPath code={current.handlerRegionCode} last={3} />
                    {(current.assigneeUserId || current.assigneeMemberId) &&
                      t('wo.console.dispatchedToPerson')}
                  </span>
                }
              />
            )}
            {done === 'answer' && (
              <Alert
                type="success"
                showIcon
                data-testid="created-answered"
                title={t('wo.console.answered')}
              />
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {open && (
              <Button onClick={() => setAction('answer')} data-testid="created-answer">
                {labels.action('answer')}
              </Button>
            )}
            {open && hasPermission(me, 'workorder.dispatch') && (
              <Button type="primary" onClick={() => setAction('dispatch')} data-testid="created-dispatch">
                {labels.action('dispatch')}
              </Button>
            )}
            <Link to={`/work-orders/${current.id}`} data-testid="created-open">
              {t('wo.console.openOrder')}
            </Link>
            {/* The focus waits here after an order is taken: Enter starts the next call. */}
            <Button onClick={onNext} autoFocus data-testid="console-next">
              {t('wo.console.nextCall')}
            </Button>
          </Space>
        }
      />
      {action && (
        <ActionModal
          order={current}
          action={action}
          onClose={() => setAction(null)}
          onDone={(updated) => {
            setCurrent(updated);
            setDone(action);
          }}
        />
      )}
    </Card>
  );
}
