/**
 * The volunteering module (issue 13): teams, volunteers and their records, activities with shifts,
 * sign-ups and waiting lists, check-in by the leader or a rotating code, hours, certificates.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { activitiesRoutes } from './activities.routes.js';
import type { ReadWorkOrder } from './activities.service.js';
import { portalVolunteeringRoutes } from './portal-volunteering.routes.js';
import { type CreditConfirmedMinutes, timebankCredit } from './volunteer-hours-credit.js';
import { volunteersRoutes } from './volunteers.routes.js';

export type { CreditConfirmedMinutes, CreditRequest } from './volunteer-hours-credit.js';
export { VOLUNTEERING_INDICATORS, volunteeringCounterSources } from './volunteering-counters.js';

export interface VolunteeringRoutesOptions {
  ctx: ServiceContext;
  /** The work-orders module's `detail(principal, id)`: an activity may be opened for an order one can see. */
  readWorkOrder: ReadWorkOrder;
  /** Crediting confirmed minutes to the time bank; defaults to volunteer-hours-credit.ts's. */
  credit?: CreditConfirmedMinutes;
}

export const volunteeringRoutes: FastifyPluginAsyncZod<VolunteeringRoutesOptions> = async (app, options) => {
  await app.register(volunteersRoutes, { ctx: options.ctx });
  await app.register(activitiesRoutes, {
    ctx: options.ctx,
    readWorkOrder: options.readWorkOrder,
    credit: options.credit ?? timebankCredit,
  });
  await app.register(portalVolunteeringRoutes, { ctx: options.ctx });
};
export { type MemberHoursRow, memberHoursRepository } from './member-hours.repository.js';
