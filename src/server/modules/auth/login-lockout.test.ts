import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { errorBodySchema } from '../../../shared/api/common.js';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import { describeEachDialect, type TestEnv } from '../../testing/test-env.js';

const WRONG = 'Wrong-pass-99';

/** Wrong-password logins that were evaluated: each writes one audit row, the last one `auth.locked`. */
async function evaluatedFailures(env: TestEnv, userId: string): Promise<number> {
  const rows = await env.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', userId)
    .where('action', 'in', ['auth.login_failed', 'auth.locked'])
    .execute();
  return rows.length;
}

const attempt = (app: FastifyInstance, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** The error body of a refused attempt, parsed with the shared schema the web reads it with. */
const errorOf = (answer: LightMyRequestResponse) => errorBodySchema.parse(answer.json());

// The per-address rate limit is raised by TestEnv (10,000 a minute): only the account lock stands.
describeEachDialect('login lockout under concurrent attempts', (env) => {
  it('evaluates at most five of 40 concurrent wrong passwords, then refuses the right one', async () => {
    const user = await env.createUser();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => attempt(env.app, user.username, WRONG)),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(['auth.invalid_credentials', 'auth.locked']).toContain(errorOf(answer).code);
    }
    expect(await evaluatedFailures(env, user.id)).toBe(5);
    expect(answers.filter((a) => errorOf(a).code === 'auth.invalid_credentials').length).toBeLessThanOrEqual(
      4,
    );
    const right = await attempt(env.app, user.username, user.password);
    expect(right.statusCode).toBe(401);
    expect(errorOf(right).code).toBe('auth.locked');
    env.advanceMinutes(16);
    expect((await attempt(env.app, user.username, user.password)).statusCode).toBe(200);
  });

  it('locks an unknown username under concurrency just the same', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => attempt(env.app, 'nobody_here', WRONG)),
    );
    expect(answers.filter((a) => errorOf(a).code === 'auth.invalid_credentials').length).toBeLessThanOrEqual(
      4,
    );
    expect(errorOf(await attempt(env.app, 'nobody_here', WRONG)).code).toBe('auth.locked');
  });

  it('admits a dozen concurrent logins with the right password to one account', async () => {
    const user = await env.createUser();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => attempt(env.app, user.username, user.password)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200));
    expect(await evaluatedFailures(env, user.id)).toBe(0);
  });

  it('answers a username the database cannot store like any unknown one, not with a 500', async () => {
    // 64 characters pass the route's limit; lower-cased, each İ becomes two.
    const answer = await attempt(env.app, 'İ'.repeat(64), WRONG);
    expect(answer.statusCode).toBe(401);
    expect(errorOf(answer).code).toBe('auth.invalid_credentials');
    // PostgreSQL stores no NUL character: every request carrying one is refused at the door
    // (nul-character-guard), naming the field, before it reaches the login at all.
    const nul = await attempt(env.app, 'admin\u0000', WRONG);
    expect(nul.statusCode).toBe(400);
    expect(errorOf(nul).fields).toEqual([{ path: 'username', message: expect.any(String) }]);
    // Such names are throttled like any other.
    for (let i = 0; i < 4; i++) await attempt(env.app, 'İ'.repeat(64), WRONG);
    expect(errorOf(await attempt(env.app, 'İ'.repeat(64), WRONG)).code).toBe('auth.locked');
  });

  it('lets a right password in at once after fewer than five failures, and starts the count afresh', async () => {
    const user = await env.createUser();
    for (let i = 0; i < 4; i++) {
      expect(errorOf(await attempt(env.app, user.username, WRONG)).code).toBe('auth.invalid_credentials');
    }
    expect((await attempt(env.app, user.username, user.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect(errorOf(await attempt(env.app, user.username, WRONG)).code).toBe('auth.invalid_credentials');
    }
    expect(errorOf(await attempt(env.app, user.username, WRONG)).code).toBe('auth.locked');
  });

  // Two connections in one Node thread cannot share SQLite's write lock (better-sqlite3 waits
  // synchronously): the case of several server processes on one database is PostgreSQL's.
  it.skipIf(env.dialect === 'sqlite')('holds across two server processes on the same database', async () => {
    const user = await env.createUser();
    const otherDatabase = openDatabase({
      dataDir: env.handle.dataDir,
      databaseUrl: env.handle.databaseUrl,
      poolSize: 10,
    });
    const other = await buildApp({
      config: { ...env.config, scheduler: false },
      database: otherDatabase,
      now: env.now,
      webRoot: '/nonexistent',
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(i % 2 ? other : env.app, user.username, WRONG)),
      );
      expect(answers.every((a) => a.statusCode === 401)).toBe(true);
      expect(await evaluatedFailures(env, user.id)).toBe(5);
      for (const app of [env.app, other]) {
        expect(errorOf(await attempt(app, user.username, user.password)).code).toBe('auth.locked');
      }
    } finally {
      await other.close();
      await otherDatabase.close();
    }
  });
});
