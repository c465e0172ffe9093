/**
 * What other code may use of this module (photos and files of work orders: storing, thumbnails, and who may see them).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { AttachmentStore } from './attachment-store.js';
export { attachmentsRepository } from './attachments.repository.js';
export { attachmentsRoutes } from './attachments.routes.js';
export { AttachmentsService } from './attachments.service.js';
