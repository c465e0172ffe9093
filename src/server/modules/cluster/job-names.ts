/** The SLA sweeper's name in job_leases: /metrics reads its last success from there. */
export const SLA_SWEEPER_JOB = 'sla sweeper';

/** Text alerts of new matching jobs (modules/jobs/job-alerts.ts): one run at a time in the installation. */
export const JOB_ALERTS_JOB = 'job alerts';
