/** The SLA sweeper's name in job_leases: /metrics reads its last success from there. */
export const SLA_SWEEPER_JOB = 'sla sweeper';
/** 党员积分's daily accrual (modules/points): once a day in one process. */
export const POINTS_ACCRUAL_JOB = 'points accrual';

/** Text alerts of new matching jobs (modules/jobs/job-alerts.ts): one run at a time in the installation. */
export const JOB_ALERTS_JOB = 'job alerts';
