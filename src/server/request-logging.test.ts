import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, loggerOptions } from './app.js';
import { describeEachDialect } from './testing/test-env.js';

/** An app over the test's database whose log lines (JSON) land in `lines`. */
async function appLoggingAt(env: Parameters<Parameters<typeof describeEachDialect>[1]>[0], level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const options = loggerOptions(level);
  const app = await buildApp({
    config: env.config,
    database: env.database,
    logger: { ...(typeof options === 'object' ? options : {}), stream },
    webRoot: '/nonexistent',
  });
  return { app, lines };
}

describeEachDialect('request logging', (env) => {
  let info: Awaited<ReturnType<typeof appLoggingAt>>;
  let debug: Awaited<ReturnType<typeof appLoggingAt>>;
  beforeAll(async () => {
    info = await appLoggingAt(env, 'info');
    debug = await appLoggingAt(env, 'debug');
  });
  afterAll(async () => {
    await info?.app.close();
    await debug?.app.close();
  });

  it('writes nothing per request at info, so the lines that matter are not buried', async () => {
    for (let i = 0; i < 5; i++) await info.app.inject({ method: 'GET', url: '/api/health' });
    await info.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(info.lines.filter((l) => l.msg === 'request completed' || l.msg === 'incoming request')).toEqual(
      [],
    );
  });

  it('writes one line per request at debug, with path, status and time but no query string', async () => {
    await debug.app.inject({ method: 'GET', url: '/api/auth/me?secret=1' });
    const lines = debug.lines.filter((l) => l.msg === 'request completed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ req: { method: 'GET', path: '/api/auth/me' }, status: 401 });
    expect(typeof lines[0]?.ms).toBe('number');
    expect(JSON.stringify(debug.lines)).not.toContain('secret');
    expect(debug.lines.filter((l) => l.msg === 'incoming request')).toEqual([]);
  });
});
