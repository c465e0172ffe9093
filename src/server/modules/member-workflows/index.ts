/**
 * What other code may use of this module (registrations, transfers and commendations of members).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { memberWorkflowRoutes } from './member-workflows.routes.js';
export { SERVICE_AREAS } from './member-workflows.schema.js';
export { expireTransfers } from './transfers.service.js';
