/** What other modules may use of 大走访: its routes' registration and the counters' source. */

export { type Campaign, campaignsRepository } from './campaigns.repository.js';
export { halfwayOf } from './campaigns.service.js';
export { demoVisitsRepository } from './demo-visits.repository.js';
export { type MemberVisitRow, memberVisitsRepository } from './member-visits.repository.js';
export { registerVisitRoutes } from './register-routes.js';
export { revisitSlotAfter } from './visit-access.js';
export { visitCounters } from './visit-counts.repository.js';
export type { VisitTables } from './visits.tables.js';
