/**
 * Vocational and start-up training (issue 18): courses with their skills, sessions in bulk, a
 * waiting list, attendance by the worker or a rotating code, completion with a certificate that a
 * public page confirms, skills added to the job service's seeker, and the six-month follow-up.
 * What other code may use of it; anything else is internal (src/server/testing/module-boundary.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services.js';
import { courseRoutes } from './courses.routes.js';
import { enrollmentRoutes } from './enrollments.routes.js';
import { portalTrainingRoutes } from './portal-training.routes.js';

export { articleTrainingFigures } from './article-figures.repository.js';
export { demoTrainingRepository } from './demo-training.repository.js';
export type { TrainingTables } from './training.tables.js';

/** Registers the training routes (one line in buildApp). */
export async function registerTrainingRoutes(
  app: FastifyInstance,
  deps: { ctx: ServiceContext },
): Promise<void> {
  await app.register(courseRoutes, { ctx: deps.ctx });
  await app.register(enrollmentRoutes, { ctx: deps.ctx });
  await app.register(portalTrainingRoutes, { ctx: deps.ctx });
}
export { TRAINING_INDICATORS, trainingCounterSources } from './training-counters.js';
