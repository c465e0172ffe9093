/**
 * What other code may use of this module (liveness and readiness).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { healthRoutes } from './health.routes.js';
