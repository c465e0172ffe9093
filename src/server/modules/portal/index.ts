/**
 * What other code may use of this module (the residents' portal: sign-in by phone, own requests).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { portalRepository } from './portal.repository.js';
export { portalRoutes } from './portal.routes.js';
export { ResidentAuthService } from './resident-auth.service.js';
