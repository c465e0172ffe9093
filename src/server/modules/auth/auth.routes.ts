import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../http/access-control.js';
import { errorResponses } from '../../http/common-schemas.js';
import type { UsersService } from '../users/index.js';
import { meSchema, passwordSchema, toMeDto } from '../users/index.js';
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
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ user: meSchema }), ...errorResponses, 429: errorResponses[400] },
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
        body: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }),
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
