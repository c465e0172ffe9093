import { beijingDate } from '../../../shared/beijing-time.js';
import type { MatrixRows } from './types.js';

const today = () => beijingDate(new Date());

/** 工作日志 and 联系点 (src/server/modules/worklogs; fixtures: worklogs/testing.ts). */
export const WORKLOGS_ROUTES: MatrixRows = {
  'GET /api/work-logs': { access: 'worklog.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/work-logs': {
    access: 'worklog.write',
    target: 'none',
    body: (ids) => ({
      organizationId: ids.branch,
      loggedOn: today(),
      kind: 'visit',
      content: '矩阵日志：走访困难党员家庭并了解需求',
    }),
    scopedBy: 'body',
  },
  'GET /api/work-logs/:id': { access: 'worklog.read', target: 'work_log' },
  // Only the author corrects or voids a log: found through its author (another's in scope is 403).
  'PUT /api/work-logs/:id': {
    access: 'worklog.write',
    target: 'own_work_log',
    body: () => ({ loggedOn: today(), kind: 'service', content: '矩阵日志（改）：协调解决居民诉求' }),
  },
  'POST /api/work-logs/:id/void': {
    access: 'worklog.write',
    target: 'own_work_log',
    body: () => ({ reason: '矩阵作废原因' }),
  },
  'GET /api/work-log-counts': {
    access: 'worklog.read',
    target: 'none',
    scopedBy: { query: 'region', also: `month=${today().slice(0, 7)}` },
  },
  'GET /api/contact-points': { access: 'worklog.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/contact-points': {
    access: 'contactpoint.manage',
    target: 'none',
    // The organization is checked first: another community's is the same field error as none.
    body: (ids) => ({
      leaderUserId: ids.contactAccount ?? ids.member,
      organizationId: ids.branch,
      startOn: today(),
    }),
    scopedBy: 'body',
  },
  'GET /api/contact-points/:id': { access: 'worklog.read', target: 'contact_point' },
  'POST /api/contact-points/:id/end': {
    access: 'contactpoint.manage',
    target: 'contact_point',
    body: () => ({ endOn: today() }),
  },
  'GET /api/me/contact-points': { access: 'authenticated', target: 'none' },
  'GET /api/me/contact-points/:id': { access: 'authenticated', target: 'own_contact_point' },
  'POST /api/me/contact-points/:id/records': {
    access: 'authenticated',
    target: 'own_contact_point',
    body: () => ({
      contactedOn: today(),
      way: 'phone',
      findings: '矩阵联系：了解支部换届准备情况',
      outcome: '商定下周召开支委会研究',
    }),
  },
};
