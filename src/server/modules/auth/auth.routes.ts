import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, loginBody, loginSchema } from '../../../shared/api/auth.js';
import { errorResponses } from '../../../shared/api/common.js';
import { meSchema } from '../../../shared/api/users.js';
import { clearSessionCookie, setSessionCookie } from '../../http/access-control.js';
import type { UsersService } from '../users/index.js';
import { toMeDto } from '../users/index.js';
import type { AuthService } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  users: UsersService;
  loginRateLimit: number;
}> = async (app, { auth, users, loginRateLimit }) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: 'the login form', rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: loginBody,
        response: { 200: loginSchema, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { token, user } = await auth.login(request.body.username, request.body.password, request.actor);
      setSessionCookie(request, reply, token);
      const self = await users.describeSelf(user);
      return { user: toMeDto(self.withRoles, self.isMember) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: { tags: ['auth'], response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await auth.logout(request.principal, request.principal.actor);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: { tags: ['auth'], response: { 200: meSchema, ...errorResponses } },
    },
    async (request) => {
      const self = await users.describeSelf(request.principal.user);
      return toMeDto(self.withRoles, self.isMember);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; every other session ends',
        body: changePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token } = await auth.changePassword(
        request.principal,
        request.body.currentPassword,
        request.body.newPassword,
        request.principal.actor,
      );
      setSessionCookie(request, reply, token);
      return reply.code(204).send(null);
    },
  );
};
