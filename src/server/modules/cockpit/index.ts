/**
 * What other code may use of this module (the cockpit: counters kept per step, rollups, map boundaries, exports).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { describeProblem, importBoundaries } from './boundaries.js';
export { cockpitRoutes } from './cockpit.routes.js';
export { generateDemoBoundaries } from './demo-boundaries.js';
export { percent } from './indicator-values.js';
export type { CounterCode, CounterRow, CounterSource, IndicatorDef } from './indicators.js';
export { type FontChoice, reportFont } from './report-font.js';
export {
  bumpDeedRollups,
  bumpWorkOrderRollups,
  foldRollupDeltas,
  type OrderBeforeStep,
  rebuildRollups,
  refreshSnapshots,
} from './rollups.js';
export { rollupsRepository } from './rollups.repository.js';
