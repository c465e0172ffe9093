import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services.js';
import type { PersonsService } from '../register/index.js';
import type { WorkOrdersService } from '../work-orders/index.js';
import { campaignRoutes } from './campaigns.routes.js';
import { CampaignsService } from './campaigns.service.js';
import { ChangeRequestsService } from './change-requests.service.js';
import { NeedsService } from './needs.service.js';
import { visitMapRoutes } from './visit-map.routes.js';
import { VisitMapService } from './visit-map.service.js';
import { VisitRecording } from './visit-recording.service.js';
import { visitRoutes } from './visits.routes.js';
import { VisitsService } from './visits.service.js';

/** Builds the module's services and registers its routes (one line in buildApp). */
export async function registerVisitRoutes(
  app: FastifyInstance,
  deps: { ctx: ServiceContext; persons: PersonsService; workOrders: WorkOrdersService },
): Promise<void> {
  const visits = new VisitsService(deps.ctx);
  await app.register(campaignRoutes, { campaigns: new CampaignsService(deps.ctx), visits });
  await app.register(visitRoutes, {
    visits,
    recording: new VisitRecording(deps.ctx),
    needs: new NeedsService(deps.ctx, deps.workOrders.intake),
    changes: new ChangeRequestsService(deps.ctx, deps.persons),
  });
  await app.register(visitMapRoutes, { map: new VisitMapService(deps.ctx) });
}
