import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { ServiceContext } from '../../services.js';
import { rateLimitRepository } from './rate-limit.repository.js';

/** Windows older than this are deleted by the scheduler (every window in use is a minute). */
const KEEP_WINDOWS_MS = 24 * 60 * 60_000;

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin really hands `child`: the route's merged options, with the route under routeInfo. */
interface RouteInfo {
  routeInfo?: { method?: string | string[]; url?: string };
}

/** The plugin's own default window, should it ever call without one (its types leave it out). */
const DEFAULT_WINDOW_MS = 60_000;

/**
 * A store for @fastify/rate-limit that counts in the database, so that N server processes on one
 * PostgreSQL (`lianxin start --workers N`) allow a client the route's limit once, not N times.
 * Fixed windows as the plugin's own memory store has them. The key stored is a SHA-256 of the
 * route and the client's key (an address, an Open311 key's hash): no address in clear.
 * The plugin constructs the store itself (`new Store(options)`), hence a class made per database.
 */
export function sharedRateLimitStore(database: Database, now: () => Date) {
  return class SharedRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = '',
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow = DEFAULT_WINDOW_MS): void {
      const at = now();
      const digest = createHash('sha256').update(`${this.route}\n${key}`).digest('hex');
      rateLimitRepository
        .hit(database.db, digest, at.toISOString(), new Date(at.getTime() - timeWindow).toISOString())
        .then(
          ({ hits, windowStartedAt }) =>
            callback(null, {
              current: hits,
              ttl: Math.max(0, Date.parse(windowStartedAt) + timeWindow - at.getTime()),
            }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    child(options: object): SharedRateLimitStore {
      const routeOptions = options as RouteInfo;
      const method = [routeOptions.routeInfo?.method ?? ''].flat().join(',');
      return new SharedRateLimitStore(undefined, `${method} ${routeOptions.routeInfo?.url ?? ''}`);
    }
  };
}

/** Deletes the windows of a day ago and older (the scheduler, hourly). */
export function purgeRateLimitWindows(ctx: ServiceContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - KEEP_WINDOWS_MS).toISOString();
  return rateLimitRepository.purgeBefore(ctx.database.db, before);
}
