/**
 * Assistance pairings (帮扶结对, issue 18): helpers paired with enterprises, communities/villages
 * and households in difficulty; contacts, support, outcomes; coverage of households in difficulty.
 * What other code (app.ts, the scheduler, the demo) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { pairingCoverageRoutes } from './coverage.routes.js';
import { pairingsRoutes } from './pairings.routes.js';

export { articlePairingFigures } from './article-figures.repository.js';
export { PairingCoverageService } from './coverage.service.js';
export { demoPairingsRepository } from './demo-pairings.repository.js';
export { PAIRING_INDICATORS, pairingCounterSources } from './pairing-counters.js';
export { PairingsService } from './pairings.service.js';
export type { PairingsTables } from './pairings.tables.js';
export { endPairingsOfUntaggedHouseholds } from './tag-sweeper.js';

export const pairingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(pairingsRoutes, options);
  await app.register(pairingCoverageRoutes, options);
};
