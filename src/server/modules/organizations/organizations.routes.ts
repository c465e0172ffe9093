import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../../shared/api/common.js';
import {
  createEnterpriseBody,
  createMemberBody,
  createOrganizationBody,
  enterpriseListSchema,
  enterpriseSummarySchema,
  limitQuery,
  linkAccountBody,
  memberIdBody,
  memberOptionListSchema,
  memberPageSchema,
  memberSearchQuery,
  moveOrganizationBody,
  organizationDetailSchema,
  organizationListSchema,
  organizationMemberListSchema,
  organizationQuery,
  organizationSchema,
} from '../../../shared/api/organizations.js';
import { importJobSchema, importQuery } from '../../../shared/api/register.js';

import { sendWrittenXlsx } from '../../http/xlsx-download.js';
import type { ImportJobsService } from '../register/index.js';
import { toJobDto } from '../register/index.js';
import { careRoutes } from './care.routes.js';
import type { CareService } from './care.service.js';
import { writeMemberTemplate } from './member-template.js';
import type { MembersService } from './members.service.js';
import { toOrganizationDto } from './organizations.dto.js';
import type { OrganizationsService } from './organizations.service.js';

interface Deps {
  organizations: OrganizationsService;
  members: MembersService;
  care: CareService;
  imports: ImportJobsService;
}

export const organizationsRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { organizations, members, care, imports },
) => {
  await app.register(careRoutes, { care });

  app.post(
    '/api/members/import',
    {
      config: { permission: 'member.import' },
      schema: {
        tags: ['organizations'],
        summary:
          'Upload members (.xlsx/.csv, multipart field "file"); all or nothing unless skipInvalid; poll /api/imports/{id}',
        querystring: importQuery,
        response: { 202: importJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = await imports.receive(request, 'members');
      const job = await imports.start(
        request.principal.scope,
        upload,
        request.query.skipInvalid === 'true',
        request.principal.actor,
        'members',
      );
      return reply.code(202).send(toJobDto(job));
    },
  );

  app.get(
    '/api/members/import/template',
    {
      config: { permission: 'member.import' },
      schema: { tags: ['organizations'], summary: 'The member import template' },
    },
    async (_request, reply) => {
      return sendWrittenXlsx(reply, writeMemberTemplate, {
        ascii: 'members.xlsx',
        name: '党员信息导入模板.xlsx',
      });
    },
  );

  app.get(
    '/api/organizations',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        querystring: organizationQuery,
        response: { 200: organizationListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, kind, parentId, limit } = request.query;
      const scope = region ? request.principal.scope.filteredTo(region) : request.principal.scope;
      const list = await organizations.list(scope, {
        kind,
        parentId: parentId === 'root' ? null : parentId,
        limit,
      });
      return { items: list.map(toOrganizationDto) };
    },
  );

  app.post(
    '/api/organizations',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        body: createOrganizationBody,
        response: { 201: organizationSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          toOrganizationDto(
            await organizations.create(request.principal.scope, request.body, request.principal.actor),
          ),
        ),
  );

  app.get(
    '/api/organizations/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: idParams,
        response: { 200: organizationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await organizations.detail(request.principal.scope, request.params.id);
      return {
        ...toOrganizationDto(detail.organization),
        ...detail,
        children: detail.children.map(toOrganizationDto),
      };
    },
  );

  app.post(
    '/api/organizations/:id/move',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        params: idParams,
        body: moveOrganizationBody,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) =>
      toOrganizationDto(
        await organizations.move(
          request.principal.scope,
          request.params.id,
          request.body,
          request.principal.actor,
        ),
      ),
  );

  app.put(
    '/api/organizations/:id/leader',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        params: idParams,
        body: memberIdBody,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) =>
      toOrganizationDto(
        await organizations.setLeader(
          request.principal.scope,
          request.params.id,
          request.body.memberId,
          request.principal.actor,
        ),
      ),
  );

  app.get(
    '/api/organizations/:id/members',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: idParams,
        response: { 200: organizationMemberListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await members.listOf(request.principal.scope, request.params.id) }),
  );

  app.post(
    '/api/members',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        body: createMemberBody,
        response: { 201: memberPageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await members.create(request.principal.scope, request.body, request.principal.actor);
      return reply.code(201).send(await members.describe(member));
    },
  );

  app.get(
    '/api/members',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'Members in scope whose name, pinyin or initials start with q (for pickers)',
        querystring: memberSearchQuery,
        response: { 200: memberOptionListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await members.search(request.principal.scope, request.query.q, request.query.limit),
    }),
  );

  app.get(
    '/api/members/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: idParams,
        response: { 200: memberPageSchema, ...errorResponses },
      },
    },
    async (request) => members.page(request.principal.scope, request.params.id),
  );

  app.put(
    '/api/members/:id/account',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        summary: 'Link a member to their login account',
        params: idParams,
        body: linkAccountBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await members.linkUser(
        request.principal.scope,
        request.params.id,
        request.body.username,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/member',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['organizations'],
        summary: 'The signed-in member’s own page',
        response: { 200: memberPageSchema, ...errorResponses },
      },
    },
    async (request) => members.ofUser(request.principal.userId),
  );

  app.get(
    '/api/enterprises',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        querystring: limitQuery,
        response: { 200: enterpriseListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await organizations.enterprises(request.principal.scope, request.query.limit)).map((e) => ({
        id: e.id,
        name: e.name,
        creditCode: e.credit_code,
        address: e.address,
        regionCode: e.region_code,
      })),
    }),
  );

  app.post(
    '/api/enterprises',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        body: createEnterpriseBody,
        response: { 201: enterpriseSummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const e = await organizations.createEnterprise(
        request.principal.scope,
        request.body,
        request.principal.actor,
      );
      return reply
        .code(201)
        .send({ id: e.id, name: e.name, creditCode: e.credit_code, regionCode: e.region_code });
    },
  );
};
