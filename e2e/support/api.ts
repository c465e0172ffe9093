import type { z } from 'zod';

/** The server's API as a logged-in user, from the test process: for set-up that is not under test. */
export interface ApiClient {
  /** The server it talks to. */
  readonly baseUrl: string;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Uploads one file as multipart field `file`, as the browser's import form does. */
  upload<T = unknown>(path: string, content: Buffer, fileName: string): Promise<T>;
}

async function answer<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await answer(login, `login as ${username}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('lianxin_session='));
  if (!cookie) throw new Error(`login as ${username} set no session cookie`);
  return {
    baseUrl,
    json: async (method, path, body) =>
      answer(
        await fetch(`${baseUrl}${path}`, {
          method,
          headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? null : JSON.stringify(body),
        }),
        `${method} ${path}`,
      ),
    upload: async (path, content, fileName) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), fileName);
      return answer(
        await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { cookie }, body: form }),
        `POST ${path}`,
      );
    },
  };
}

/** Creates a grid or building as `admin`; answers its code. */
export async function createRegion(
  admin: ApiClient,
  parent: string,
  kind: 'grid' | 'building',
  name: string,
): Promise<string> {
  return (await admin.json<{ code: string }>('POST', `/api/regions/${parent}/children`, { kind, name })).code;
}

/**
 * Creates an account at `regionCode` with one role there; answers its id. An administrator's
 * initial password must be changed at first sign-in, so the account is created with a throw-away
 * one and its owner sets `user.password` at once, as a new user does: the tests sign in with it
 * and get straight to work. (`e2e/first-sign-in.e2e.ts` walks that change in the browser.)
 */
export async function createUser(
  admin: ApiClient,
  user: { username: string; displayName: string; password: string },
  role: string,
  regionCode: string,
): Promise<string> {
  const initial = `Initial-${user.password}`;
  const { id } = await admin.json<{ id: string }>('POST', '/api/users', {
    ...user,
    password: initial,
    regionCode,
  });
  await admin.json('POST', `/api/users/${id}/roles`, { role, regionCode });
  const owner = await apiLogin(admin.baseUrl, user.username, initial);
  await owner.json('POST', '/api/auth/password', { currentPassword: initial, newPassword: user.password });
  return id;
}

/** Polls an import started through the API until it has finished; it must have succeeded. */
export async function waitForImport(admin: ApiClient, id: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const job = await admin.json<{ status: string; message: string | null }>('GET', `/api/imports/${id}`);
    if (job.status === 'succeeded') return;
    if (job.status !== 'running') throw new Error(`The set-up import ended ${job.status}: ${job.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The set-up import did not finish within 30 s');
}

/** An API answer read through the shared schema the web parses it with (so a drift fails here). */
export async function apiRead<S extends z.ZodType>(
  client: ApiClient,
  schema: S,
  method: string,
  path: string,
  body?: unknown,
): Promise<z.output<S>> {
  return schema.parse(await client.json(method, path, body));
}
