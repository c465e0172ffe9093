import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The soak's server process (bench/soak-server.ts) and the HTTP client that loads it. */

/** Starts the server over the benchmark's database; resolves once it listens. */
export async function startSoakServer(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<{ server: ChildProcess; port: number }> {
  const tsx = path.resolve(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs');
  // SOAK_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to the server's node,
  // to profile the server under the soak's load. tsx's CLI would run the server in a child process
  // of its own, which the arguments never reach: with them, tsx is loaded into node instead.
  const serverNodeArgs = (process.env.SOAK_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const tsxLoader = path.resolve(import.meta.dirname, '../node_modules/tsx/dist/loader.mjs');
  const server: ChildProcess = spawn(
    process.execPath,
    [
      ...(serverNodeArgs.length > 0 ? [...serverNodeArgs, '--import', tsxLoader] : [tsx]),
      path.resolve(import.meta.dirname, 'soak-server.ts'),
      dataDir,
      databaseUrl ?? '',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: server.stdout! }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return { server, port };
}

export interface Answer {
  status: number;
  body: string;
}

export function soakClient(base: string, timeoutMs: number) {
  // Idle sockets are closed here after 10 s, well before the server drops them (Fastify's
  // keepAliveTimeout, 72 s): otherwise a request sent on a socket the server is closing at that
  // moment fails with ECONNRESET, a race of HTTP keep-alive, not a fault of the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 10_000 });

  interface Answer {
    status: number;
    body: string;
  }
  function send(method: string, url: string, cookie: string, body?: unknown): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        `${base}${url}`,
        {
          method,
          agent,
          timeout: timeoutMs,
          headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.end(payload);
    });
  }

  async function login(username: string, password: string): Promise<string> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('lianxin_session='));
    if (!cookie) throw new Error(`login ${username} answered ${response.status} without a session cookie`);
    return cookie;
  }
  return { send, login, agent };
}
