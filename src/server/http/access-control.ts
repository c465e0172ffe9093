import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_HINT_COOKIE } from '../../shared/session-hint.js';
import type { Permission } from '../auth/permissions.js';
import { type Principal, principalOf } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import type { AuditActor, AuditRepository } from '../modules/audit/index.js';
import type { AuthService } from '../modules/auth/index.js';
import { DomainError, forbidden, unauthenticated } from './errors.js';

export const SESSION_COOKIE = 'lianxin_session';
/**
 * The resident portal's cookie. A different name and a narrower path than the staff cookie: the
 * browser sends it only to the portal's API, and staff routes never read it.
 */
export const RESIDENT_COOKIE = 'lianxin_resident';
const RESIDENT_COOKIE_PATH = '/api/portal';

/**
 * Who may call a route: staff holding a named permission, any signed-in staff member
 * ('authenticated'), a signed-in resident of the portal ('resident'), or anyone (public, with a
 * reason). Staff and residents are two separate kinds of caller with separate cookies and
 * sessions: a resident session never satisfies a staff route and a staff session never a
 * resident route.
 */
export type RouteAccess = { permission: Permission | 'authenticated' | 'resident' } | { public: string };

/** A signed-in resident of the portal (see `src/server/modules/portal/resident-auth.service.ts`). */
export interface SignedInResident {
  id: string;
  districtCode: string;
  sessionId: string;
  /** e.g. 138****5678, for the audit log's actor name. */
  maskedPhone: string;
  /** The verified phone's blind index: orders taken with it as the contact number are theirs. */
  phoneIndex: string;
  /** The register entry the account is linked to, if any: orders about that person are theirs. */
  personId: string | null;
}

/** Resolves a resident cookie token to its resident; throws a 401 DomainError otherwise. */
export interface ResidentAuthenticator {
  authenticate(token: string): Promise<SignedInResident>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission | 'authenticated' | 'resident';
    /** Why the route needs no login, e.g. 'login form' or 'static assets'. */
    public?: string;
    /**
     * Why a state-changing route may be called from other sites: it reads no session cookie and
     * authenticates by something a forged cross-site request cannot carry (an API key).
     */
    crossSite?: string;
    /**
     * The route stays open to a user who still owes a password change (their password was set by
     * someone else): reading who one is, changing the password, signing out. Every other staff
     * route answers them 403 auth.password_change_required until they have changed it.
     */
    beforePasswordChange?: true;
  }
  interface FastifyRequest {
    /**
     * The signed-in staff member (user, assignments, the route's scope, `scopeFor`, the audit
     * actor), built once in onRequest for every route declared with a permission or
     * 'authenticated'. Reading it on a public or resident route is a programming error: 401.
     */
    readonly principal: Principal;
    /** The signed-in resident, set only for routes declared `permission: 'resident'`. */
    resident: SignedInResident | null;
    /**
     * Who appears in audit rows for requests without a principal (public and resident routes);
     * on staff routes it equals `principal.actor`, which is what they use.
     */
    actor: AuditActor;
  }
}

/** The principal of each staff request; kept off the request object so it has only a getter. */
const principals = new WeakMap<FastifyRequest, Principal>();

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browsers always send Origin on cross-site POSTs; SameSite=Lax already keeps the cookie off them,
 * this refuses them outright. Requests without Origin (curl, server-to-server) carry no cookie
 * from a victim's browser and pass.
 */
function assertSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.routeOptions.config.crossSite && !request.is404) return;
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new DomainError('auth.cross_site', 403);
  const origin = request.headers.origin;
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new DomainError('auth.cross_site', 403);
  }
  // Parse our own host the same way so default ports (":80", ":443") compare equal.
  let ownHost: string;
  try {
    ownHost = new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    throw new DomainError('auth.cross_site', 403);
  }
  if (originHost !== ownHost) throw new DomainError('auth.cross_site', 403);
}

function anonymousActorOf(request: FastifyRequest): AuditActor {
  return { id: null, name: null, ip: request.ip, requestId: String(request.id) };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
  reply.setCookie(SESSION_HINT_COOKIE, '1', {
    path: '/',
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

export function setResidentCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(RESIDENT_COOKIE, token, {
    path: RESIDENT_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

export function clearResidentCookie(reply: FastifyReply): void {
  reply.clearCookie(RESIDENT_COOKIE, { path: RESIDENT_COOKIE_PATH });
}

/**
 * Authenticates and authorizes before validation: an anonymous caller learns nothing about a
 * route's input rules, and a route without a declared access rule is refused (fail closed).
 */
export function registerAccessControl(
  app: FastifyInstance,
  deps: { auth: AuthService; residents: ResidentAuthenticator; audit: AuditRepository; database: Database },
): void {
  app.decorateRequest('principal', {
    getter(this: FastifyRequest): Principal {
      const principal = principals.get(this);
      if (!principal) throw unauthenticated();
      return principal;
    },
  });
  app.decorateRequest('resident', null);
  app.decorateRequest('actor', null as unknown as AuditActor);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = anonymousActorOf(request);
    assertSameOrigin(request);
    if (request.is404) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!config.permission) {
      request.log.error({ url: request.routeOptions.url }, 'route has no declared permission; refused');
      throw forbidden();
    }
    // A resident route reads only the resident cookie; every other route only the staff cookie.
    if (config.permission === 'resident') {
      const residentToken = request.cookies[RESIDENT_COOKIE];
      if (!residentToken) throw unauthenticated('auth.required');
      try {
        request.resident = await deps.residents.authenticate(residentToken);
      } catch (error) {
        clearResidentCookie(reply);
        throw error;
      }
      request.actor = {
        ...request.actor,
        id: request.resident.id,
        name: `resident:${request.resident.maskedPhone}`,
      };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated('auth.required');
    let authenticated: Awaited<ReturnType<AuthService['authenticate']>>;
    try {
      authenticated = await deps.auth.authenticate(token);
    } catch (error) {
      clearSessionCookie(reply);
      throw error;
    }
    const actor = { ...request.actor, id: authenticated.user.id, name: authenticated.user.username };
    request.actor = actor;
    const routePermission = config.permission === 'authenticated' ? null : config.permission;
    const principal = principalOf({
      user: authenticated.user,
      sessionId: authenticated.sessionId,
      assignments: authenticated.assignments,
      actor,
      dialect: deps.database.dialect,
      routePermission,
    });
    principals.set(request, principal);
    if (authenticated.user.password_change_required === 1 && !config.beforePasswordChange) {
      throw new DomainError('auth.password_change_required', 403);
    }
    if (routePermission === null) return;
    if (principal.scope.isEmpty) {
      await deps.database.db.transaction().execute((trx) =>
        deps.audit.append(trx, request.actor, {
          action: 'auth.denied',
          targetType: 'route',
          targetId: `${request.method} ${request.routeOptions.url ?? ''}`.slice(0, 64),
          regionCode: authenticated.user.region_code,
          summary: { permission: config.permission },
        }),
      );
      throw forbidden();
    }
  });
}
