import type { MatrixRows } from './types.js';

/** 三会一课 (src/server/modules/meetings; fixtures: meetings/testing.ts). */
export const MEETINGS_ROUTES: MatrixRows = {
  'GET /api/meetings': { access: 'meeting.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/meetings': {
    access: 'meeting.write',
    target: 'none',
    body: (ids) => ({
      organizationId: ids.branch,
      type: 'committee',
      topic: '矩阵会议',
      plannedOn: '2026-01-05',
    }),
    scopedBy: 'body',
  },
  'GET /api/meetings/:id': { access: 'meeting.read', target: 'meeting' },
  'PUT /api/meetings/:id': {
    access: 'meeting.write',
    target: 'meeting',
    body: () => ({ type: 'committee', topic: '矩阵会议（改）', plannedOn: '2026-01-05' }),
  },
  // The draft lacks the date it was held: a field error, never 403 or 404 inside.
  'POST /api/meetings/:id/submit': { access: 'meeting.write', target: 'meeting', body: () => ({}) },
  // The draft is not submitted: 409 inside (the branch's parent is in the community, so the
  // community's reviewers are the level above).
  'POST /api/meetings/:id/approve': { access: 'meeting.review', target: 'meeting' },
  'POST /api/meetings/:id/return': {
    access: 'meeting.review',
    target: 'meeting',
    body: () => ({ reason: '矩阵退回原因' }),
  },
  'GET /api/meeting-compliance': {
    access: 'meeting.read',
    target: 'none',
    scopedBy: { query: 'region', also: 'quarter=2026-Q1' },
  },
  'GET /api/districts/:district/meeting-rules': { access: 'meeting.read', target: 'none' },
  'PUT /api/districts/:district/meeting-rules': {
    access: 'meeting.review',
    target: 'global',
    body: () => ({ rules: [{ type: 'committee', frequency: 'monthly', kinds: ['branch'] }] }),
  },
  'GET /api/meeting-tasks': { access: 'meeting.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/meeting-tasks/:id/done': { access: 'meeting.write', target: 'meeting_task' },
};
