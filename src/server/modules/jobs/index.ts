/**
 * The job service (issue 18): jobs posted by enterprises, seekers found from the register and
 * registered, matching with reasons, recommendations and outcomes, placements. What other code
 * may use of it; anything else is internal (src/server/testing/module-boundary.ts).
 */

export { buildDemoJobFairs } from './demo-fairs.js';
export { demoJobsRepository } from './demo-jobs.repository.js';
export { sendJobAlerts } from './job-alerts.js';
export { JOBS_INDICATORS, jobSeekerCounterSources, jobsCounterSources } from './job-counters.js';
export type { JobsTables } from './jobs.tables.js';
export { registerJobRoutes } from './register-routes.js';
export { addSeekerSkills, seekerCaseWorker } from './seeker-skills.js';
