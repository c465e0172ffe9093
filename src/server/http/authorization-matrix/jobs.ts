import type { MatrixRows } from './types.js';

/** A well-formed id that names nothing (for bodies whose records the test does not build). */
const NOTHING = '0190a0b0-0000-7000-8000-00000000abcd';
/** One instant for every body of a run: two bodies built a millisecond apart must not differ. */
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const jobBody = (enterpriseId: string, regionCode: string) => ({
  enterpriseId,
  title: '矩阵岗位',
  openings: 1,
  skills: ['矩阵'],
  education: 'none',
  salaryMinFen: 100_000,
  salaryMaxFen: 200_000,
  regionCode,
  validUntil: inDays(30),
});

/** The job service (src/server/modules/jobs; fixtures: jobs/testing.ts `jobsMatrixFixtures`). */
export const JOBS_ROUTES: MatrixRows = {
  'GET /api/jobs': { access: 'job.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/jobs': {
    access: 'job.manage',
    target: 'none',
    body: (ids) => jobBody(ids.enterprise ?? NOTHING, ids.region),
    scopedBy: 'body',
  },
  'GET /api/jobs/:id': { access: 'job.read', target: 'job' },
  'PATCH /api/jobs/:id': { access: 'job.manage', target: 'job', body: () => ({ openings: 3 }) },
  'GET /api/jobs/:id/matches': { access: 'job.read', target: 'job' },
  'POST /api/enterprise-contacts': {
    access: 'job.manage',
    target: 'none',
    body: (ids) => ({ enterpriseId: ids.enterprise ?? NOTHING, userId: ids.contactAccount ?? NOTHING }),
    scopedBy: 'body',
  },
  // An enterprise contact's own pages: found through the link to the enterprise, not a region.
  'GET /api/my-enterprise': { access: 'job.post', target: 'none' },
  'GET /api/my-enterprise/jobs': { access: 'job.post', target: 'none' },
  'POST /api/my-enterprise/jobs': {
    access: 'job.post',
    target: 'none',
    body: (ids) => jobBody(ids.enterprise ?? NOTHING, ids.region),
  },
  'GET /api/my-enterprise/recommendations': { access: 'job.post', target: 'none' },
  'POST /api/my-enterprise/recommendations/:id/outcome': {
    access: 'job.post',
    target: 'own_job_recommendation',
    body: () => ({ outcome: 'interview', interviewAt: TOMORROW }),
  },
  'GET /api/job-seekers/candidates': { access: 'job.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/job-seekers': { access: 'job.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/job-seekers': {
    access: 'job.manage',
    target: 'none',
    body: (ids) => ({
      personId: ids.person,
      skills: ['矩阵'],
      wantedJobs: [],
      education: 'none',
      availability: 'immediate',
    }),
    scopedBy: 'body',
  },
  'GET /api/job-seekers/:id': { access: 'job.read', target: 'job_seeker' },
  'PATCH /api/job-seekers/:id': {
    access: 'job.manage',
    target: 'job_seeker',
    body: () => ({ skills: ['矩阵'] }),
  },
  'GET /api/job-seekers/:id/matches': { access: 'job.read', target: 'job_seeker' },
  'GET /api/job-recommendations': { access: 'job.read', target: 'none' },
  'POST /api/job-recommendations': {
    access: 'job.manage',
    target: 'none',
    body: (ids) => ({ jobId: ids.job ?? NOTHING, seekerId: ids.jobSeeker ?? NOTHING }),
    scopedBy: 'body',
  },
  'POST /api/job-recommendations/:id/outcome': {
    access: 'job.manage',
    target: 'job_recommendation',
    body: () => ({ outcome: 'interview', interviewAt: TOMORROW }),
  },
  // Issue 18's leftovers: job fairs, and text alerts switched off by a case worker or the seeker.
  'GET /api/job-fairs': { access: 'job.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/job-fairs': {
    access: 'job.manage',
    target: 'none',
    body: (ids) => ({
      kind: 'job_fair',
      title: '矩阵招聘会',
      place: '社区广场',
      regionCode: ids.region,
      startsAt: TOMORROW,
      endsAt: new Date(Date.parse(TOMORROW) + 3 * 3_600_000).toISOString(),
    }),
    scopedBy: 'body',
  },
  'GET /api/job-fairs/:id': { access: 'job.read', target: 'job_fair' },
  'PATCH /api/job-fairs/:id': {
    access: 'job.manage',
    target: 'job_fair',
    body: () => ({ place: '社区礼堂' }),
  },
  'POST /api/job-fairs/:id/enterprises': {
    access: 'job.manage',
    target: 'job_fair',
    body: (ids) => ({ enterpriseId: ids.enterprise ?? NOTHING, jobIds: [] }),
  },
  'POST /api/job-fairs/:id/seekers': {
    access: 'job.manage',
    target: 'job_fair',
    body: (ids) => ({ seekerId: ids.jobSeeker ?? NOTHING }),
  },
  'GET /api/my-enterprise/job-fairs': { access: 'job.post', target: 'none' },
  'POST /api/my-enterprise/job-fair-registrations': {
    access: 'job.post',
    target: 'none',
    body: (ids) => ({ fairId: NOTHING, enterpriseId: ids.enterprise ?? NOTHING, jobIds: [] }),
  },
  'PUT /api/job-seekers/:id/sms-opt-out': {
    access: 'job.manage',
    target: 'job_seeker',
    body: () => ({ optOut: true }),
  },
  'GET /api/portal/me/job-alerts': { access: 'resident', target: 'none' },
  'PUT /api/portal/me/job-alerts': { access: 'resident', target: 'none', body: () => ({ optOut: true }) },
};
