import type { MatrixRows } from './types.js';

/** Deeds, notifications, report. */
export const DEEDS_NOTIFICATIONS_ROUTES: MatrixRows = {
  'GET /api/deeds': {
    access: 'workorder.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/deeds/summary': {
    access: 'workorder.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/deeds': {
    access: 'deed.write',
    target: 'none',
    body: (ids) => ({ memberId: ids.member, title: '帮独居老人买菜', doneOn: '2026-01-05' }),
    scopedBy: 'body',
  },
  'POST /api/me/deeds': { access: 'authenticated', target: 'none' },
  'GET /api/me/notifications': { access: 'authenticated', target: 'none' },
  'POST /api/me/notifications/:id/read': { access: 'authenticated', target: 'own_notification' },
  'GET /api/report/article': { access: 'region.read', target: 'none' },
};
