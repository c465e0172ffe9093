/** The SLA sweeper's name in job_leases: /metrics reads its last success from there. */
export const SLA_SWEEPER_JOB = 'sla sweeper';
