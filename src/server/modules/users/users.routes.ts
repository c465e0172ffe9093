import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountAuthority } from '../../auth/account-authority.js';
import { ROLE_NAMES, ROLE_PERMISSIONS } from '../../auth/permissions.js';
import { errorResponses, idSchema, limitSchema, optionalText } from '../../http/common-schemas.js';
import { cursorParam, decodeCursor, page } from '../../http/pagination.js';
import {
  assignRoleBody,
  createUserBody,
  managedUserSchema,
  passwordSchema,
  roleAssignmentSchema,
  toUserDto,
  updateUserBody,
  userSchema,
} from './users.schema.js';
import type { UsersService } from './users.service.js';

const idParams = z.object({ id: idSchema });

/** The caller as a manager of accounts: their `user.manage` scope and every role they hold. */
const managerOf = (request: FastifyRequest) =>
  AccountAuthority.ofManager(request.principal.scope, request.principal);

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get(
    '/api/roles',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['users'],
        summary: 'The roles that can be assigned and the permissions each grants',
        response: {
          200: z.object({
            items: z.array(z.object({ role: z.enum(ROLE_NAMES), permissions: z.array(z.string()) })),
          }),
        },
      },
    },
    async () => ({ items: ROLE_NAMES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })) }),
  );

  app.get(
    '/api/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags: ['users'],
        querystring: z.object({
          q: optionalText(50),
          status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'disabled']).optional()),
          limit: limitSchema,
          cursor: cursorParam,
        }),
        response: {
          200: z.object({ items: z.array(managedUserSchema), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { q, status, limit } = request.query;
      const after = decodeCursor(request.query.cursor, ['text']);
      const rows = await users.list(request.principal.scope, {
        limit: limit + 1,
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(after ? { after: after[0] } : {}),
      });
      const { items, nextCursor } = page(rows, limit, (last) => [last.user.id]);
      const manageable = users.manageabilityFor(request.principal);
      return {
        items: items.map((account) => ({ ...toUserDto(account), manageable: manageable(account) })),
        nextCursor,
      };
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], body: createUserBody, response: { 201: userSchema, ...errorResponses } },
    },
    async (request, reply) =>
      reply.code(201).send(
        toUserDto(
          // The administrator chose the initial password: its owner replaces it at first sign-in.
          await users.create(
            request.principal.scope,
            { ...request.body, mustChangePassword: true },
            request.principal.actor,
          ),
        ),
      ),
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'user.read' },
      schema: { tags: ['users'], params: idParams, response: { 200: managedUserSchema, ...errorResponses } },
    },
    async (request) => {
      const account = await users.get(request.principal.scope, request.params.id);
      return {
        ...toUserDto(account),
        manageable: users.manageabilityFor(request.principal)(account),
      };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) =>
      toUserDto(
        await users.update(managerOf(request), request.params.id, request.body, request.principal.actor),
      ),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Set a new password for a user; all their sessions end',
        params: idParams,
        body: z.object({ password: passwordSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await users.resetPassword(
        managerOf(request),
        request.params.id,
        request.body.password,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/users/:id/sessions',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'End every session of a user',
        params: idParams,
        response: { 200: z.object({ ended: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({
      ended: await users.endSessions(managerOf(request), request.params.id, request.principal.actor),
    }),
  );

  app.post(
    '/api/users/:id/roles',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        params: idParams,
        body: assignRoleBody,
        response: { 201: roleAssignmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const assignment = await users.assignRole(
        managerOf(request),
        request.params.id,
        request.body,
        request.principal.actor,
      );
      const user = await users.get(request.principal.scope, request.params.id);
      const shown = user.roles.find((r) => r.id === assignment.id)!;
      return reply.code(201).send({
        id: shown.id,
        role: request.body.role,
        regionCode: shown.region_code,
        regionName: shown.region_name,
      });
    },
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        params: z.object({ id: idSchema, assignmentId: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await users.removeRole(
        managerOf(request),
        request.params.id,
        request.params.assignmentId,
        request.principal.actor,
      );
      return reply.code(204).send(null);
    },
  );
};
