/**
 * What other code may use of this module (several server processes on one database: whose turn
 * a background job is, and rate limits counted across the processes).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { jobLeasesRepository } from './job-leases.repository.js';
export { JOB_ALERTS_JOB, POINTS_ACCRUAL_JOB, SLA_SWEEPER_JOB } from './job-names.js';
export { JobTurns, LEASE_MS } from './job-turns.js';
export { purgeRateLimitWindows, sharedRateLimitStore } from './shared-rate-limit-store.js';
