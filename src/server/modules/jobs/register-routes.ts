import type { FastifyInstance } from 'fastify';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { ServiceContext } from '../../services.js';
import { AlertSettingsService } from './alert-settings.service.js';
import { fairRoutes } from './fairs.routes.js';
import { FairsService } from './fairs.service.js';
import { jobRoutes } from './jobs.routes.js';
import { JobsService } from './jobs.service.js';
import { MatchingService } from './matching.service.js';
import { recommendationRoutes } from './recommendations.routes.js';
import { RecommendationsService } from './recommendations.service.js';
import { seekerRoutes } from './seekers.routes.js';
import { SeekersService } from './seekers.service.js';

/** Builds the job service's services and registers its routes (one line in buildApp). */
export async function registerJobRoutes(app: FastifyInstance, deps: { ctx: ServiceContext }): Promise<void> {
  const seekers = new SeekersService(deps.ctx);
  await app.register(jobRoutes, { jobs: new JobsService(deps.ctx) });
  await app.register(seekerRoutes, {
    ctx: deps.ctx,
    seekers,
    matching: new MatchingService(deps.ctx, seekers),
  });
  await app.register(recommendationRoutes, {
    ctx: deps.ctx,
    recommendations: new RecommendationsService(deps.ctx),
  });
  await app.register(fairRoutes, {
    fairs: new FairsService(deps.ctx),
    seekers,
    settings: new AlertSettingsService(deps.ctx),
    today: () => beijingDate(deps.ctx.now()),
  });
}
