/**
 * What other code may use of this module (statistics per region).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export {
  bumpRegionStats,
  rebuildRegionStats,
  regionStats,
  regionStatsOf,
} from './region-stats.repository.js';
