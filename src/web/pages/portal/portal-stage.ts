import type { WorkOrderStatus } from '../../../shared/work-orders';
import type { MessageKey } from '../../i18n/translate';

/**
 * What a resident is told about an order's status: four stages instead of the office's eight
 * (who holds it, review and return requests are the office's business).
 */
export type Stage = 'received' | 'processing' | 'closed' | 'finished';

export function stageOf(status: WorkOrderStatus): Stage {
  switch (status) {
    case 'received':
    case 'pending_dispatch':
      return 'received';
    case 'closed':
      return 'closed';
    case 'archived':
      return 'finished';
    default:
      return 'processing';
  }
}

export const STAGE_COLORS: Record<Stage, string> = {
  received: 'blue',
  processing: 'orange',
  closed: 'green',
  finished: 'default',
};

export const stageLabel = (status: WorkOrderStatus): MessageKey => `portal.stage.${stageOf(status)}`;
