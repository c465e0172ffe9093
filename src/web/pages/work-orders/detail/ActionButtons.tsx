import { Button, Flex, Space, Tooltip } from 'antd';
import type { WorkOrderAction } from '../../../../shared/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
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

/**
 * One button per action the server says the user may take now, forward steps first. A step with
 * a draft waiting to be sent is not offered again (the draft says so above). As a `bar` (the
 * phone's sticky action bar) the buttons are large and share the width, wrapping onto a second
 * row rather than running off the screen.
 */
export function ActionButtons({
  actions,
  onAction,
  waiting = [],
  bar = false,
}: {
  actions: readonly WorkOrderAction[];
  onAction: (action: WorkOrderAction) => void;
  waiting?: readonly WorkOrderAction[];
  bar?: boolean;
}) {
  const { t } = useI18n();
  const labels = useWorkOrderLabels();
  const sorted = [...actions].sort((a, b) => Number(FORWARD.includes(b)) - Number(FORWARD.includes(a)));
  const buttons = sorted.map((action) => {
    const drafted = waiting.includes(action);
    const button = (
      <Button
        key={action}
        type={FORWARD.includes(action) ? 'primary' : 'default'}
        danger={action === 'return' || action === 'reject_return' || action === 'reject_extension'}
        disabled={drafted}
        size={bar ? 'large' : 'middle'}
        style={bar ? { flex: '1 0 auto' } : undefined}
        onClick={() => onAction(action)}
        data-testid={`action-${action}`}
      >
        {labels.action(action)}
      </Button>
    );
    return drafted ? (
      <Tooltip key={action} title={t('drafts.actionWaiting')}>
        {button}
      </Tooltip>
    ) : (
      button
    );
  });
  return bar ? (
    <Flex wrap gap={8} data-testid="order-actions">
      {buttons}
    </Flex>
  ) : (
    <Space wrap data-testid="order-actions">
      {buttons}
    </Space>
  );
}
