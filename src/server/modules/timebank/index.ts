export { demoTimebankRepository } from './accounts.repository.js';
// The cockpit's registry reads these while it loads: keep them ahead of anything importing the cockpit.
export { TIMEBANK_INDICATORS, timebankCounterSources } from './circulation-counters.js';
/**
 * What other modules may use of the time bank. The volunteering module credits confirmed hours
 * with `creditBetweenOwners` (team → volunteer, accounts opened on first use) inside its own
 * transaction, where it writes its own audit row; `creditConfirmedMinutes` does the same between
 * known accounts.
 */
export { creditConfirmedMinutes } from './credit.js';
export { timebankExchangeRoutes } from './exchange.routes.js';
export { refundLapsedOrders } from './lapsed-orders.js';
export { type CreditOwner, creditBetweenOwners } from './owner-credit.js';
export { portalTimebankRoutes } from './portal-timebank.routes.js';
export { timebankStatementRoutes } from './statements.routes.js';
export { timebankRoutes } from './timebank.routes.js';
export { openAccountIn } from './timebank.service.js';
