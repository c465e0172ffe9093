export { type Catalog, hasCitus, readCatalog } from './catalog.js';
export {
  CitusMissingError,
  COLOCATION_ANCHOR,
  type DistributeOptions,
  distributeOnCitus,
} from './distribute.js';
export {
  CROSS_DISTRICT_FOREIGN_KEYS,
  DISTRIBUTION_COLUMN,
  planDistribution,
  REFERENCE_TABLES,
  type Step,
  type Treatment,
  treatmentOf,
} from './plan.js';
