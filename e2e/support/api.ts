/** The server's API as a logged-in user, from the test process: for set-up that is not under test. */
export interface ApiClient {
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
