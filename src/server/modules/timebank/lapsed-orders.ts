import type { ServiceContext } from '../../services.js';
import { MarketService } from './market.service.js';

/**
 * The scheduler's sweep: refunds every love-supermarket order whose code lapsed unused. Each
 * refund is a conditional UPDATE on the order, so several processes may sweep at once.
 */
export function refundLapsedOrders(ctx: ServiceContext): Promise<number> {
  return new MarketService(ctx).refundLapsedOrders();
}
