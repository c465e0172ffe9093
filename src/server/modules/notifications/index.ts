/**
 * What other code may use of this module (the outbox, its dispatcher and providers, and the staff inbox).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { deliverDueNotifications } from './dispatcher.js';
export { inboxRoutes } from './inbox.routes.js';
export { enqueueNotification } from './outbox.js';
export {
  ConsoleProvider,
  type NotificationProvider,
  type OutgoingMessage,
  WebhookProvider,
} from './providers.js';
export type { TemplateCode } from './templates.js';
