import type { MatrixRows } from './types.js';

/** Work orders. */
export const WORK_ORDERS_ROUTES: MatrixRows = {
  'POST /api/work-orders': {
    access: 'workorder.intake',
    target: 'none',
    body: (ids) => ({
      categoryCode: 'livelihood.elderly_care',
      description: '独居老人家中暖气不热',
      channel: 'hotline',
      householdId: ids.household,
      contactName: '王大爷',
      contactPhone: '13845671234',
    }),
    scopedBy: 'body',
  },
  // No region-filter check: the list also holds orders given to the caller in their own name
  // (a member handling one), wherever they lie, so a region outside the caller's scope may
  // rightly list some; the filter narrows what the caller may see and answers 200.
  'GET /api/work-orders': { access: 'authenticated', target: 'none' },
  'GET /api/work-orders/similar': {
    access: 'workorder.intake',
    target: 'none',
    scopedBy: { query: 'regionCode', also: 'categoryCode=livelihood.elderly_care' },
  },
  'GET /api/work-orders/caller': { access: 'workorder.intake', target: 'none' },
  'GET /api/work-orders/:id': {
    access: 'authenticated',
    target: 'work_order',
    scopePermission: 'workorder.read',
  },
  'GET /api/work-orders/:id/dispatch-options': { access: 'workorder.dispatch', target: 'work_order' },
  'POST /api/work-orders/:id/actions': {
    access: 'authenticated',
    target: 'work_order',
    scopePermission: 'workorder.supervise',
    body: () => ({ action: 'urge', note: '矩阵测试' }),
  },
  'POST /api/work-orders/:id/attachments': {
    access: 'authenticated',
    target: 'work_order',
    scopePermission: 'workorder.read',
    upload: true,
  },
  'GET /api/work-order-attachments/:id': {
    access: 'authenticated',
    target: 'attachment',
    scopePermission: 'workorder.read',
  },
  'GET /api/work-order-attachments/:id/thumbnail': {
    access: 'authenticated',
    target: 'attachment',
    scopePermission: 'workorder.read',
  },
  'PUT /api/work-orders/:id/public-description': {
    access: 'workorder.dispatch',
    target: 'work_order',
    body: () => ({ text: '路灯不亮，已派单处理' }),
  },
};
