/**
 * What other code may use of this module (the Open311 GeoReport interface and public descriptions of orders).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { answerOpen311RouterError } from './georeport.routes.js';
export { open311Routes } from './open311.routes.js';
export { Open311KeysService } from './open311-keys.service.js';
