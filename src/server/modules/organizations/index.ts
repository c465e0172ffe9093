/**
 * What other code may use of this module (organizations, members, warm groups and caring members of households).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { careRepository } from './care.repository.js';
export { CareService } from './care.service.js';
export { writeMemberTemplate } from './member-template.js';
export { MembersService } from './members.service.js';
export { importMembers, memberImportLimits } from './members-import.js';
export { organizationsRepository } from './organizations.repository.js';
export { organizationsRoutes } from './organizations.routes.js';
export { OrganizationsService } from './organizations.service.js';
