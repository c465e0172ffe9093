/**
 * What other code may use of this module (the region tree (district → building) and its imports).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { divisionTreeOf } from './division-data.js';
export { importCountyRegions } from './region-import.js';
export { regionPathCodes } from './region-path.js';
export { DEPTH_OF_KIND } from './region-rules.js';
export { regionsRepository } from './regions.repository.js';
export { regionsRoutes } from './regions.routes.js';
export { RegionsService } from './regions.service.js';
