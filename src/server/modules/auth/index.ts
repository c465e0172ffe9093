/**
 * What other code may use of this module (sign-in, sessions and passwords of staff accounts).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { authRoutes } from './auth.routes.js';
export { AuthService, touchIntervalMs } from './auth.service.js';
export { hashPassword } from './password-hashing.js';
export { sessionsRepository } from './sessions.repository.js';
export { purgeStaleSignIns } from './stale-sign-ins.js';
