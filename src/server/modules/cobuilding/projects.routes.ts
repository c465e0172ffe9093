import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createProjectBody,
  followUpBody,
  followUpResultSchema,
  projectCoverageSchema,
  projectDetailSchema,
  projectEnterpriseBody,
  projectEnterpriseParams,
  projectListQuery,
  projectListSchema,
  projectOrganizationBody,
  regionListQuery,
  updateProjectBody,
} from '../../../shared/api/cobuilding.js';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import type { ServiceContext } from '../../services.js';
import type { WorkOrderIntake } from '../work-orders/index.js';
import { toProject, toProjectDetail, toUncovered } from './cobuilding.present.js';
import { ProjectsService } from './projects.service.js';

const tags = ['cobuilding'];
const detailResponse = { 200: projectDetailSchema, ...errorResponses };

/** 大项目: projects, their enterprises and organizations, coverage and its follow-up. */
export const projectRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; intake: WorkOrderIntake }> = async (
  app,
  { ctx, intake },
) => {
  const projects = new ProjectsService(ctx, intake);

  app.get(
    '/api/projects',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary:
          'Projects in scope (region= narrows), newest start first, with enterprise and coverage counts',
        querystring: projectListQuery,
        response: { 200: projectListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, status } = request.query;
      return { items: (await projects.list(request.principal.scope, region, status)).map(toProject) };
    },
  );

  app.post(
    '/api/projects',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Record a project settled in the district (site region, start date, status)',
        body: createProjectBody,
        response: { 201: projectDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { scope, actor } = request.principal;
      return reply.code(201).send(toProjectDetail(await projects.create(scope, request.body, actor)));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary: 'A project with its enterprises (and who covers each) and its organizations',
        params: idParams,
        response: detailResponse,
      },
    },
    async (request) => toProjectDetail(await projects.detail(request.principal.scope, request.params.id)),
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Change a project’s name, site, start date, status or note',
        params: idParams,
        body: updateProjectBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toProjectDetail(await projects.update(scope, request.params.id, request.body, actor));
    },
  );

  app.post(
    '/api/projects/:id/enterprises',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Add an enterprise (of the job service’s register) to a project',
        params: idParams,
        body: projectEnterpriseBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toProjectDetail(
        await projects.addEnterprise(scope, request.params.id, request.body.enterpriseId, actor),
      );
    },
  );

  app.post(
    '/api/projects/:id/organizations',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary: 'Link an organization of the tree to a project and set which of its enterprises it covers',
        params: idParams,
        body: projectOrganizationBody,
        response: detailResponse,
      },
    },
    async (request) => {
      const { scope, actor } = request.principal;
      return toProjectDetail(await projects.linkOrganization(scope, request.params.id, request.body, actor));
    },
  );

  app.post(
    '/api/projects/:id/enterprises/:enterpriseId/follow-up',
    {
      config: { permission: 'cobuilding.write' },
      schema: {
        tags,
        summary:
          'One-click follow-up of an uncovered project enterprise: a work order to the project’s street',
        params: projectEnterpriseParams,
        body: followUpBody,
        response: { 201: followUpResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await projects.followUp(
            request.principal,
            request.params.id,
            request.params.enterpriseId,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/project-coverage',
    {
      config: { permission: 'cobuilding.read' },
      schema: {
        tags,
        summary:
          'Coverage of project enterprises by organizations: counts, share, and the enterprises no organization covers',
        querystring: regionListQuery,
        response: { 200: projectCoverageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const coverage = await projects.coverage(request.principal.scope, request.query.region);
      return { ...coverage, uncovered: coverage.uncovered.map(toUncovered) };
    },
  );
};
