import type { MatrixRows } from './types.js';

/** Resident portal. */
export const PORTAL_ROUTES: MatrixRows = {
  'POST /api/portal/otp': { access: 'public', target: 'none' },
  'POST /api/portal/login': { access: 'public', target: 'none' },
  'POST /api/portal/logout': { access: 'resident', target: 'none' },
  'GET /api/portal/me': { access: 'resident', target: 'none' },
  'POST /api/portal/me/export': { access: 'resident', target: 'none' },
  'PUT /api/portal/me/elder-mode': { access: 'resident', target: 'none', body: () => ({ on: true }) },
  'GET /api/portal/categories': { access: 'resident', target: 'none' },
  'GET /api/portal/places': { access: 'resident', target: 'none' },
  'POST /api/portal/requests': { access: 'resident', target: 'none' },
  'GET /api/portal/requests': { access: 'resident', target: 'none' },
  'GET /api/portal/requests/:id': { access: 'resident', target: 'resident_request' },
  'POST /api/portal/requests/:id/photos': { access: 'resident', target: 'resident_request', upload: true },
  'GET /api/portal/requests/:id/photos/:photoId': { access: 'resident', target: 'resident_request' },
  'POST /api/portal/requests/:id/rating': {
    access: 'resident',
    target: 'resident_request',
    body: () => ({ satisfaction: 'satisfied' }),
  },
};
