/**
 * What other code may use of this module (members' deeds (good works), recorded by hand or credited when a member resolves an order).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { deedsRepository } from './deeds.repository.js';
export { deedsRoutes } from './deeds.routes.js';
export { DeedsService, writeDeedAndCounters } from './deeds.service.js';
