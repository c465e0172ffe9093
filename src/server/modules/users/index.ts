/**
 * What other code may use of this module (staff accounts and their role assignments).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { usersRepository } from './users.repository.js';
export { usersRoutes } from './users.routes.js';
export { meSchema, passwordSchema, toMeDto } from './users.schema.js';
export { UsersService } from './users.service.js';
