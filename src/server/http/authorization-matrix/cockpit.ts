import type { MatrixRows } from './types.js';

/** Cockpit. */
export const COCKPIT_ROUTES: MatrixRows = {
  'GET /api/cockpit': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/cockpit/boundaries': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/cockpit/export.xlsx': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/cockpit/report.pdf': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
};
