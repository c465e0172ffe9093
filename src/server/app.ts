import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyContextConfig,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
  type RouteOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { registerAccessControl } from './http/access-control.js';
import { registerApiDocs } from './http/api-docs.js';
import { benchBaselineRoutes } from './http/bench-baseline.routes.js';
import { answerRouterError, registerErrorHandler } from './http/error-handler.js';
import { DomainError } from './http/errors.js';
import { registerNulCharacterGuard } from './http/nul-character-guard.js';
import { registerResponseHeaders } from './http/response-headers.js';
import { registerWebApp } from './http/web-app.js';
import { registerMetrics } from './metrics/metrics.routes.js';
import { AttachmentsService, attachmentsRoutes } from './modules/attachments/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { AuthService, authRoutes } from './modules/auth/index.js';
import { bulletinRoutes } from './modules/bulletins/index.js';
import { CatalogueAdmin, catalogueRoutes } from './modules/catalogue/index.js';
import { sharedRateLimitStore } from './modules/cluster/index.js';
import { cobuildingRoutes } from './modules/cobuilding/index.js';
import { cockpitRoutes } from './modules/cockpit/index.js';
import { collectiveRoutes } from './modules/collectives/index.js';
import { DeedsService, deedsRoutes } from './modules/deeds/index.js';
import { fundRoutes } from './modules/funds/index.js';
import { healthRoutes } from './modules/health/index.js';
import { registerJobRoutes } from './modules/jobs/index.js';
import { loanRoutes } from './modules/loans/index.js';
import { meetingRoutes } from './modules/meetings/index.js';
import { memberWorkflowRoutes } from './modules/member-workflows/index.js';
import { inboxRoutes } from './modules/notifications/index.js';
import { answerOpen311RouterError, open311Routes } from './modules/open311/index.js';
import {
  CareService,
  importMembers,
  MembersService,
  OrganizationsService,
  organizationsRoutes,
} from './modules/organizations/index.js';
import { pairingRoutes } from './modules/pairings/index.js';
import { pointsRoutes } from './modules/points/index.js';
import { portalRoutes, ResidentAuthService } from './modules/portal/index.js';
import { RegionsService, regionsRoutes } from './modules/regions/index.js';
import {
  HouseholdsService,
  ImportJobsService,
  importResidents,
  PersonsService,
  registerRoutes,
} from './modules/register/index.js';
import { relocationRoutes } from './modules/relocation/index.js';
import { reportRoutes } from './modules/report/index.js';
import { reviewRoutes } from './modules/reviews/index.js';
import { surveyRoutes } from './modules/surveys/index.js';
import {
  portalTimebankRoutes,
  timebankExchangeRoutes,
  timebankRoutes,
  timebankStatementRoutes,
} from './modules/timebank/index.js';
import { registerTrainingRoutes } from './modules/training/index.js';
import { UsersService, usersRoutes } from './modules/users/index.js';
import { registerVisitRoutes } from './modules/visits/index.js';
import { volunteeringRoutes } from './modules/volunteering/index.js';
import { WorkOrdersService, workOrdersRoutes } from './modules/work-orders/index.js';
import { worklogRoutes } from './modules/worklogs/index.js';
import { createServiceContext } from './services.js';

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes(): { method: string; url: string; config: FastifyContextConfig; paged: boolean }[];
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  /** The clock; tests move it to expire sessions and locks. */
  now?: () => Date;
  /** pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built web app; when absent or missing, only the API is served. */
  webRoot?: string | undefined;
}

export const defaultWebRoot = path.resolve(import.meta.dirname, '../../dist/web');

/** Log lines carry the request id (pino's reqId) but never cookies, bodies or query strings. */
export const loggerOptions = (level: string): FastifyServerOptions['logger'] => ({
  level,
  redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  serializers: {
    req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
  },
});

/**
 * Fastify's own two lines per request at `info` buried everything else (thousands of lines in
 * minutes, among them the one line the README sends people to): one line per request at `debug`
 * instead, with path, status and time. A request that failed is still logged as an error.
 */
class QuietRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    request.log.debug(
      { req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? false,
    logController: new QuietRequestLog(),
    genReqId: () => uuidv7(),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    // Open311 clients get the specification's error list, everyone else the API's error body.
    frameworkErrors: (error, request, reply) =>
      request.url.startsWith('/open311/')
        ? answerOpen311RouterError(error, request, reply)
        : answerRouterError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every route, with its access declaration, for the startup check below and for the test that
  // lists them. Hooks of child contexts (markRoutesPublic) edit the same route objects later.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('declaredRoutes', () =>
    routes.map((r) => ({
      method: [r.method].flat().join(','),
      url: r.url,
      config: r.config ?? {},
      // A list that pages takes a cursor: the pagination test walks every one of them.
      paged: takesCursor(r.schema?.querystring),
    })),
  );
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !r.config?.permission && !r.config?.public);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without a declared permission: ${undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ')}`,
      );
    }
  });

  const ctx = createServiceContext(deps.config, deps.database, now);
  const persons = new PersonsService(ctx);
  const members = new MembersService(ctx);
  const services = {
    auth: new AuthService(ctx),
    users: new UsersService(ctx),
    regions: new RegionsService(ctx),
    persons,
    households: new HouseholdsService(ctx, persons),
    imports: new ImportJobsService(
      ctx,
      {
        residents: (file, format, options) => importResidents(ctx, file, format, options),
        members: (file, format, options) => importMembers(ctx, members, file, format, options),
      },
      (error) => app.log.error({ err: error }, 'background import failed'),
    ),
    organizations: new OrganizationsService(ctx),
    members,
    care: new CareService(ctx),
    workOrders: new WorkOrdersService(ctx),
    residentAuth: new ResidentAuthService(ctx),
  };
  // Imports still running when the server stops are waited for (their transaction is all-or-nothing).
  app.addHook('onClose', () => services.imports.idle());

  registerErrorHandler(app, deps.webRoot ?? defaultWebRoot);
  registerMetrics(app, {
    database: deps.database,
    now,
    token: deps.config.metricsToken,
    schedulerInProcess: deps.config.scheduler,
  });
  registerResponseHeaders(app);
  registerNulCharacterGuard(app);
  await app.register(fastifyCookie);
  // Spreadsheet uploads (imports): one file, no other fields, 200 MB at most.
  await app.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 0 } });
  await app.register(fastifyRateLimit, {
    global: false,
    // PostgreSQL may serve several processes (`--workers N`): their counts are kept in the database.
    ...(deps.database.dialect === 'postgres'
      ? { store: sharedRateLimitStore(deps.database, () => new Date()) }
      : {}),
    errorResponseBuilder: () => new DomainError('auth.rate_limited', 429),
  });
  await registerApiDocs(app, { transform: jsonSchemaTransform, transformObject: jsonSchemaTransformObject });
  registerAccessControl(app, {
    auth: services.auth,
    residents: services.residentAuth,
    audit: ctx.audit,
    database: deps.database,
  });

  await app.register(healthRoutes, { database: deps.database });
  await app.register(authRoutes, { ...services, loginRateLimit: deps.config.loginRateLimit });
  await app.register(usersRoutes, { users: services.users });
  await app.register(regionsRoutes, { regions: services.regions });
  await app.register(auditRoutes, { database: deps.database });
  await app.register(registerRoutes, { ctx, ...services });
  await app.register(organizationsRoutes, services);
  await app.register(memberWorkflowRoutes, { ctx });
  await app.register(workOrdersRoutes, { ctx, workOrders: services.workOrders });
  await app.register(attachmentsRoutes, { attachments: new AttachmentsService(ctx) });
  await app.register(catalogueRoutes, { admin: new CatalogueAdmin(ctx, services.workOrders.catalogue) });
  await app.register(deedsRoutes, { deeds: new DeedsService(ctx) });
  await app.register(inboxRoutes, { ctx });
  await app.register(reportRoutes, { database: deps.database, districtCode: deps.config.districtCode });
  await app.register(open311Routes, { ctx, workOrders: services.workOrders });
  await app.register(portalRoutes, { ctx, ...services });
  await app.register(cockpitRoutes, { ctx });
  await registerVisitRoutes(app, { ctx, persons, workOrders: services.workOrders });
  await registerJobRoutes(app, { ctx });
  await app.register(timebankRoutes, { ctx });
  await app.register(timebankExchangeRoutes, { ctx });
  await app.register(timebankStatementRoutes, { ctx });
  await app.register(portalTimebankRoutes, { ctx });
  await app.register(volunteeringRoutes, {
    ctx,
    readWorkOrder: (p, id) => services.workOrders.detail(p, id),
  });
  await app.register(loanRoutes, { ctx });
  await app.register(fundRoutes, { ctx });
  await app.register(pairingRoutes, { ctx });
  await app.register(collectiveRoutes, { ctx });
  await registerTrainingRoutes(app, { ctx });
  await app.register(relocationRoutes, { ctx, intake: services.workOrders.intake });
  await app.register(meetingRoutes, { ctx });
  await app.register(surveyRoutes, { ctx, catalogue: services.workOrders.catalogue });
  await app.register(reviewRoutes, { ctx });
  await app.register(pointsRoutes, { ctx });
  await app.register(bulletinRoutes, { ctx });
  await app.register(worklogRoutes, { ctx });
  await app.register(cobuildingRoutes, { ctx, intake: services.workOrders.intake });
  // Benchmarks only (LIANXIN_BENCH_ROUTES=1): the one-INSERT baseline an intake is measured against.
  if (deps.config.benchRoutes) await app.register(benchBaselineRoutes, { database: deps.database, now });

  const webRoot = deps.webRoot ?? defaultWebRoot;
  if (fs.existsSync(path.join(webRoot, 'index.html'))) await registerWebApp(app, webRoot);
  return app;
}

/** Whether a route's query schema (a zod object) has a `cursor` parameter. */
function takesCursor(querystring: unknown): boolean {
  const shape = (querystring as { shape?: unknown } | undefined)?.shape;
  return typeof shape === 'object' && shape !== null && 'cursor' in shape;
}
