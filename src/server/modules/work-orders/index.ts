/**
 * What other code may use of this module (work orders themselves: intake, actions along the state machine, steps, the SLA sweeper).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { callbackStep } from './actions/callback-step.js';
export { callbackWithin } from './actions/callback-within.js';
export { visibilityOf } from './actions/work-order-actions.service.js';
export { TRANSITIONS } from './actions/work-order-rules.js';
export { suggestedHandler, WorkOrderIntake } from './intake/work-order-intake.service.js';
export { sweepOverdue } from './sla-sweeper.js';
export { WorkOrderStep } from './work-order-steps.js';
export {
  type ResidentOwnership,
  type Visibility,
  type WorkOrderView,
  workOrdersRepository,
} from './work-orders.repository.js';
export { workOrdersRoutes } from './work-orders.routes.js';
export { WorkOrdersService } from './work-orders.service.js';
