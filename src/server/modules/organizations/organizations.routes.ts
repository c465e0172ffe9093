import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  idSchema,
  limitSchema,
  optionalText,
  regionCodeSchema,
} from '../../http/common-schemas.js';
import { cursorParam } from '../../http/pagination.js';
import { sendWrittenXlsx } from '../../http/xlsx-download.js';
import type { ImportJobsService } from '../register/index.js';
import { importJobSchema, toJobDto } from '../register/index.js';
import type { CareService } from './care.service.js';
import { writeMemberTemplate } from './member-template.js';
import type { MembersService } from './members.service.js';
import { ORGANIZATION_KINDS } from './organization-rules.js';
import {
  coverageSchema,
  createEnterpriseBody,
  createMemberBody,
  createOrganizationBody,
  memberPageSchema,
  moveOrganizationBody,
  organizationSchema,
  toOrganizationDto,
  warmGroupHouseholdsBody,
} from './organizations.schema.js';
import type { OrganizationsService } from './organizations.service.js';

const idParams = z.object({ id: idSchema });
const codeParams = z.object({ code: regionCodeSchema });

interface Deps {
  organizations: OrganizationsService;
  members: MembersService;
  care: CareService;
  imports: ImportJobsService;
}

/** Another record named on a page: its name, and whether the reader may open it. */
const namedLink = z.object({ id: z.string(), name: z.string(), visible: z.boolean() }).nullable();

export const organizationsRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { organizations, members, care, imports },
) => {
  app.post(
    '/api/members/import',
    {
      config: { permission: 'member.import' },
      schema: {
        tags: ['organizations'],
        summary:
          'Upload members (.xlsx/.csv, multipart field "file"); all or nothing unless skipInvalid; poll /api/imports/{id}',
        querystring: z.object({ skipInvalid: z.enum(['true', 'false']).default('false') }),
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
        querystring: z.object({
          region: z.preprocess((v) => (v === '' ? undefined : v), regionCodeSchema.optional()),
          kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ORGANIZATION_KINDS).optional()),
          parentId: optionalText(36),
          limit: limitSchema,
        }),
        response: { 200: z.object({ items: z.array(organizationSchema) }), ...errorResponses },
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
        response: {
          200: organizationSchema.extend({
            parent: namedLink,
            leader: namedLink,
            children: z.array(organizationSchema),
            memberCount: z.number().int(),
            history: z.array(
              z.object({ change: z.string(), at: z.string(), before: z.string(), after: z.string() }),
            ),
          }),
          ...errorResponses,
        },
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
        body: z.object({ memberId: idSchema }),
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
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                idNumber: z.string(),
                category: z.string(),
                status: z.string(),
                joinedOn: z.string(),
                post: z.string(),
                livesInDistrict: z.boolean(),
                homeRegionCode: z.string(),
                isLeader: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await members.listOf(request.principal.scope, request.params.id) }),
  );

  app.post(
    '/api/organizations/:id/households',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        summary: 'Add households to a warm group: by id, or a whole building entrance (buildingCode + unit)',
        params: idParams,
        body: warmGroupHouseholdsBody,
        response: { 200: z.object({ added: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({
      added: await care.addToWarmGroup(
        request.principal.scope,
        request.params.id,
        request.body,
        request.principal.actor,
      ),
    }),
  );

  app.delete(
    '/api/organizations/:id/households/:householdId',
    {
      config: { permission: 'org.write' },
      schema: {
        tags: ['organizations'],
        params: z.object({ id: idSchema, householdId: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await care.removeFromWarmGroup(
        request.principal.scope,
        request.params.id,
        request.params.householdId,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
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
        querystring: z.object({
          q: z.string().trim().min(1).max(50),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                organizationName: z.string(),
                status: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: await members.search(request.principal.scope, request.query.q, request.query.limit),
    }),
  );

  app.get(
    '/api/organizations/:id/households',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'The households a warm group looks after',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                regionCode: z.string(),
                placeName: z.string(),
                unit: z.string(),
                floor: z.number().nullable(),
                room: z.string(),
                address: z.string(),
                caringMember: z.string().nullable(),
                caringSource: z.enum(['warm_group', 'assigned']).nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: await care.warmGroupHouseholds(request.principal.scope, request.params.id),
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
        body: z.object({ username: z.string().trim().min(1).max(32) }),
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
        querystring: z.object({ limit: limitSchema }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                creditCode: z.string(),
                address: z.string(),
                regionCode: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
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
        response: {
          201: z.object({ id: z.string(), name: z.string(), creditCode: z.string(), regionCode: z.string() }),
          ...errorResponses,
        },
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

  app.put(
    '/api/households/:id/care',
    {
      config: { permission: 'care.assign' },
      schema: {
        tags: ['organizations'],
        summary: 'Name the household’s caring member',
        params: idParams,
        body: z.object({ memberId: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await care.assign(
        request.principal.scope,
        request.params.id,
        request.body.memberId,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/households/:id/care',
    {
      config: { permission: 'care.assign' },
      schema: { tags: ['organizations'], params: idParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await care.unassign(request.principal.scope, request.params.id, request.principal.actor);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/coverage/:code',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'Care, warm-group, corridor-branch and enterprise coverage of a region',
        params: codeParams,
        response: { 200: coverageSchema, ...errorResponses },
      },
    },
    async (request) => care.coverage(request.principal.scope, request.params.code),
  );

  app.get(
    '/api/coverage/:code/uncovered',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        summary: 'Households without a caring member',
        params: codeParams,
        querystring: z.object({ cursor: cursorParam, limit: limitSchema }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                regionCode: z.string(),
                placeName: z.string(),
                unit: z.string(),
                floor: z.number().nullable(),
                room: z.string(),
                address: z.string(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      care.uncovered(request.principal.scope, request.params.code, request.query.limit, request.query.cursor),
  );

  app.get(
    '/api/coverage/:code/buildings-without-branch',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: codeParams,
        querystring: z.object({ limit: limitSchema }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: (
        await care.buildingsWithoutCorridorBranch(
          request.principal.scope,
          request.params.code,
          request.query.limit,
        )
      ).map((b) => ({
        code: b.code,
        name: b.name,
        parentCode: b.parent_code,
      })),
    }),
  );

  app.get(
    '/api/coverage/:code/enterprises-without-organization',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['organizations'],
        params: codeParams,
        querystring: z.object({ limit: limitSchema }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), name: z.string(), creditCode: z.string(), regionCode: z.string() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: (
        await care.enterprisesWithoutOrganization(
          request.principal.scope,
          request.params.code,
          request.query.limit,
        )
      ).map((e) => ({
        id: e.id,
        name: e.name,
        creditCode: e.credit_code,
        regionCode: e.region_code,
      })),
    }),
  );
};
