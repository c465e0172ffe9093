/**
 * What other code may use of this module (registrations, transfers and commendations of members).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */

export { SERVICE_AREAS } from '../../../shared/api/member-workflows.js';
export { commitmentsKeptByRegion } from './commitments.repository.js';
export { memberWorkflowRoutes } from './member-workflows.routes.js';
export { expireTransfers } from './transfers.service.js';
