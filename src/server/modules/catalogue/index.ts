/**
 * What other code may use of this module (the service catalogue (categories and their attributes), hotlines and the working-day calendar).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { catalogueRepository } from './catalogue.repository.js';
export { catalogueRoutes } from './catalogue.routes.js';
export { CatalogueCache, type CatalogueSnapshot } from './catalogue.service.js';
export { CatalogueAdmin } from './catalogue-admin.service.js';
export { attributesOf, checkAttributes } from './category-attributes.js';
export { WorkingCalendar } from './working-calendar.js';
