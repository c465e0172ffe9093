/** What other modules may use of 大走访: its routes' registration and the counters' source. */
export { registerVisitRoutes } from './register-routes.js';
export { visitCounters } from './visit-counts.repository.js';
export type { VisitTables } from './visits.tables.js';
