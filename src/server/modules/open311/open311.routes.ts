import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import type { WorkOrdersService } from '../work-orders/index.js';
import { geoReportRoutes } from './georeport.routes.js';
import { GeoReportService } from './georeport.service.js';
import { open311KeysRoutes } from './open311-keys.routes.js';
import { Open311KeysService } from './open311-keys.service.js';
import { publicDescriptionRoutes } from './public-description.routes.js';
import { PublicDescriptionService } from './public-description.service.js';

/**
 * The open311 module: key administration under /api/open311, the staff-published public text of
 * an order, and GeoReport v2 under /open311/v2.
 */
export const open311Routes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  workOrders: WorkOrdersService;
}> = async (app, { ctx, workOrders }) => {
  const keys = new Open311KeysService(ctx);
  await app.register(open311KeysRoutes, { keys });
  await app.register(publicDescriptionRoutes, { publicDescriptions: new PublicDescriptionService(ctx) });
  await app.register(geoReportRoutes, {
    prefix: '/open311/v2',
    geoReport: new GeoReportService(ctx, workOrders, keys),
  });
};
