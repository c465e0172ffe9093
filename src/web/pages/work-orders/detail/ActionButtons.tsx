import { Button, Space } from 'antd';
import type { WorkOrderAction } from '../../../../shared/work-orders';
import { useWorkOrderLabels } from '../labels';

/** The steps that move an order forward: shown as primary buttons, first. */
const FORWARD: readonly WorkOrderAction[] = [
  'accept',
  'dispatch',
  'sign',
  'resolve',
  'review',
  'callback',
  'approve_return',
  'approve_extension',
];

/** One button per action the server says the user may take now, forward steps first. */
export function ActionButtons({
  actions,
  onAction,
}: {
  actions: readonly WorkOrderAction[];
  onAction: (action: WorkOrderAction) => void;
}) {
  const labels = useWorkOrderLabels();
  const sorted = [...actions].sort((a, b) => Number(FORWARD.includes(b)) - Number(FORWARD.includes(a)));
  return (
    <Space wrap data-testid="order-actions">
      {sorted.map((action) => (
        <Button
          key={action}
          type={FORWARD.includes(action) ? 'primary' : 'default'}
          danger={action === 'return' || action === 'reject_return' || action === 'reject_extension'}
          onClick={() => onAction(action)}
          data-testid={`action-${action}`}
        >
          {labels.action(action)}
        </Button>
      ))}
    </Space>
  );
}
