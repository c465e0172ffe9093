/** The SLA sweeper's name in job_leases: /metrics reads its last success from there. */
export const SLA_SWEEPER_JOB = 'sla sweeper';
/** 党员积分's daily accrual (modules/points): once a day in one process. */
export const POINTS_ACCRUAL_JOB = 'points accrual';
