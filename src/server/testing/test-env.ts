import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { z } from 'zod';
import { errorBodySchema } from '../../shared/api/common.js';
import { buildApp } from '../app.js';
import type { RoleName } from '../auth/permissions.js';
import { Scope } from '../auth/scope.js';
import { bootstrap, SYSTEM_ACTOR } from '../bootstrap.js';
import { type Config, loadConfig } from '../config.js';
import type { Database, Dialect } from '../db/database.js';
import type { DB } from '../db/tables.js';
import { RegionsService } from '../modules/regions/index.js';
import { UsersService } from '../modules/users/index.js';
import { createServiceContext, type ServiceContext } from '../services.js';
import { createTestDatabase, type TestDatabaseHandle } from './test-database.js';

export const ADMIN_PASSWORD = 'Admin-Pass-2026';
export const DISTRICT = '230108';
/** Real codes from the division data of 平房区. */
export const QINGNIAN = '230108001002'; // 青年社区
export const SHANGHAI_XINCUN = '230108001003'; // 上海新村社区
export const XINGJIAN_STREET = '230108001'; // 兴建街道

export type ErrorBody = z.output<typeof errorBodySchema>;

/**
 * One answer of the app. `json` is what the server sent, unchecked; a test reads it through
 * `body(schema)` with the route's shared response schema (the one the web parses with), so the
 * test is typed and a drift between server and web fails it, or through `error` for an error
 * answer.
 */
export class TestResponse {
  readonly status: number;
  readonly headers: LightMyRequestResponse['headers'];

  constructor(
    readonly raw: LightMyRequestResponse,
    readonly json: unknown,
  ) {
    this.status = raw.statusCode;
    this.headers = raw.headers;
  }

  /** The body parsed with a shared schema; a mismatch fails with the path and the status. */
  body<S extends z.ZodType>(schema: S): z.output<S> {
    const parsed = schema.safeParse(this.json);
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new Error(
      `the answer (${this.status}) does not match the schema: ${where.join('; ')}\n${this.raw.body.slice(0, 500)}`,
    );
  }

  /** The body of an error answer: code, message, request id and the fields at fault. */
  get error(): ErrorBody {
    return this.body(errorBodySchema);
  }
}

export interface InjectOptions {
  cookie?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One fresh, migrated database with the real region tree and an admin, an app over it, a clock
 * the test can move, and factories for users. Built anew for every describe block and dialect.
 */
export class TestEnv {
  handle!: TestDatabaseHandle;
  app!: FastifyInstance;
  ctx!: ServiceContext;
  config!: Config;
  private offsetMs = 0;
  private counter = 0;

  constructor(
    readonly dialect: Dialect,
    private readonly overrides: Record<string, string> = {},
  ) {}

  get database(): Database {
    return this.handle.database;
  }

  now = (): Date => new Date(Date.now() + this.offsetMs);

  advanceMinutes(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }

  async setUp(): Promise<void> {
    this.handle = await createTestDatabase(this.dialect);
    this.config = loadConfig({
      LIANXIN_DATA_DIR: this.handle.dataDir,
      LIANXIN_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LIANXIN_LOGIN_RATE_LIMIT: '10000',
      ...(this.handle.databaseUrl ? { DATABASE_URL: this.handle.databaseUrl } : {}),
      ...this.overrides,
    });
    this.ctx = createServiceContext(this.config, this.database, this.now);
    await bootstrap(this.ctx, this.database);
    this.app = await buildApp({
      config: this.config,
      database: this.database,
      now: this.now,
      webRoot: '/nonexistent',
    });
  }

  async tearDown(): Promise<void> {
    await this.app?.close();
    await this.handle?.drop();
  }

  async inject(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: InjectOptions = {},
  ): Promise<TestResponse> {
    const response: LightMyRequestResponse = await this.app.inject({
      method,
      url,
      headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    const json: unknown = response.headers['content-type']?.toString().includes('json')
      ? response.json()
      : undefined;
    return new TestResponse(response, json);
  }

  /** Logs in and returns the Cookie header value for later requests. */
  async login(username: string, password: string): Promise<string> {
    const response = await this.inject('POST', '/api/auth/login', { body: { username, password } });
    if (response.status !== 200)
      throw new Error(`login ${username} failed: ${JSON.stringify(response.json)}`);
    const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('lianxin_session='));
    return setCookie!.split(';')[0]!;
  }

  loginAdmin(): Promise<string> {
    return this.login('admin', ADMIN_PASSWORD);
  }

  /** Creates a user with one role in one region (defaults: a secretary of 青年社区). */
  async createUser(
    options: {
      username?: string;
      role?: RoleName;
      regionCode?: string;
      password?: string;
      mustChangePassword?: boolean;
    } = {},
  ): Promise<{ id: string; username: string; password: string }> {
    this.counter += 1;
    const username = options.username ?? `user${this.counter}_${Math.random().toString(36).slice(2, 8)}`;
    const password = options.password ?? `Pass-word-${this.counter}x`;
    const regionCode = options.regionCode ?? QINGNIAN;
    const scope = new Scope([DISTRICT], this.dialect);
    const users = new UsersService(this.ctx);
    const created = await users.create(
      scope,
      // Fixtures sign in and work at once; the forced change has its own tests.
      {
        username,
        password,
        displayName: username,
        regionCode,
        mustChangePassword: options.mustChangePassword ?? false,
      },
      SYSTEM_ACTOR,
    );
    await users.assignRole(
      scope,
      created.user.id,
      { role: options.role ?? 'secretary', regionCode },
      SYSTEM_ACTOR,
    );
    return { id: created.user.id, username, password };
  }

  /** Creates a grid (under a community) or a building (under a grid) and returns its code. */
  async createRegion(parentCode: string, kind: 'grid' | 'building', name: string): Promise<string> {
    const regions = new RegionsService(this.ctx);
    const created = await regions.createChild(
      new Scope([DISTRICT], this.dialect),
      parentCode,
      { kind, name },
      SYSTEM_ACTOR,
    );
    return created.code;
  }

  /** How many rows a table holds. */
  async countRows(table: keyof DB): Promise<number> {
    const row = await (this.database.db as unknown as Kysely<Record<string, unknown>>)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The environment a `lianxin` child process needs to work on this test's database. */
  cliEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      LIANXIN_DATA_DIR: this.handle.dataDir,
      ...(this.handle.databaseUrl ? { DATABASE_URL: this.handle.databaseUrl } : {}),
    };
  }

  /** A scratch file path inside this test's data directory. */
  file(name: string): string {
    return path.join(this.handle.dataDir, name);
  }

  async loginAs(options: Parameters<TestEnv['createUser']>[0] = {}): Promise<{ cookie: string; id: string }> {
    const user = await this.createUser(options);
    return { cookie: await this.login(user.username, user.password), id: user.id };
  }
}

/**
 * Runs a block of integration tests once per available dialect, each with its own fresh database.
 * Which dialects are available is decided by the global setup (PostgreSQL required under CI).
 */
export function describeEachDialect(
  title: string,
  body: (env: TestEnv) => void,
  overrides: Record<string, string> = {},
): void {
  const available = inject('dialects');
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const run = available.includes(dialect) ? describe : describe.skip;
    run(`${title} [${dialect}]`, () => {
      const env = new TestEnv(dialect, overrides);
      beforeAll(() => env.setUp());
      afterAll(() => env.tearDown());
      body(env);
    });
  }
}
