import type { ServiceContext } from '../../services.js';
import { MarketService } from './market.service.js';

export { demoTimebankRepository } from './accounts.repository.js';
/**
 * What other modules may use of the time bank. The volunteering module credits confirmed hours
 * with `creditBetweenOwners` (team → volunteer, accounts opened on first use) inside its own
 * transaction, where it writes its own audit row; `creditConfirmedMinutes` does the same between
 * known accounts.
 */
export { creditConfirmedMinutes } from './credit.js';
export { timebankExchangeRoutes } from './exchange.routes.js';
export { type CreditOwner, creditBetweenOwners } from './owner-credit.js';
export { timebankRoutes } from './timebank.routes.js';
export { openAccountIn } from './timebank.service.js';

/**
 * The scheduler's sweep: refunds every love-supermarket order whose code lapsed unused. Each
 * refund is a conditional UPDATE on the order, so several processes may sweep at once.
 */
export function refundLapsedOrders(ctx: ServiceContext): Promise<number> {
  return new MarketService(ctx).refundLapsedOrders();
}
