import sharp from 'sharp';
import type { TestEnv } from '../../testing/test-env.js';
import type { OutgoingMessage } from '../notifications/index.js';
import { deliverDueNotifications } from '../notifications/index.js';

/** Text messages that went out through the outbox in this test file, in order. */
const outbox = new WeakMap<TestEnv, OutgoingMessage[]>();

/** Sends what the outbox holds, as the scheduler would, and keeps every message for reading. */
export async function deliverTexts(env: TestEnv): Promise<OutgoingMessage[]> {
  const sent = outbox.get(env) ?? [];
  outbox.set(env, sent);
  await deliverDueNotifications(env.ctx, {
    name: 'test',
    send: async (message) => {
      sent.push(message);
    },
  });
  return sent;
}

/** The newest sign-in code texted to a phone, read from the SMS as a resident would. */
export async function codeTextedTo(env: TestEnv, phone: string): Promise<string> {
  const texts = (await deliverTexts(env)).filter((m) => m.phone === phone && m.template === 'otp');
  const code = /验证码为 (\d{6})/.exec(texts.at(-1)?.text ?? '')?.[1];
  if (!code) throw new Error(`no sign-in code was texted to ${phone}`);
  return code;
}

export const requestCode = (env: TestEnv, phone: string) =>
  env.inject('POST', '/api/portal/otp', { body: { phone } });

export const signIn = (env: TestEnv, phone: string, code: string) =>
  env.inject('POST', '/api/portal/login', { body: { phone, code } });

/** The resident cookie (`lianxin_resident=…`) of a response, if it set one. */
export function residentCookieOf(response: Awaited<ReturnType<TestEnv['inject']>>): string | undefined {
  return [response.headers['set-cookie']]
    .flat()
    .find((c) => c?.startsWith('lianxin_resident='))
    ?.split(';')[0];
}

/** Asks for a code, reads it from the SMS and signs in; answers the Cookie header value. */
export async function residentLogin(env: TestEnv, phone: string): Promise<string> {
  const asked = await requestCode(env, phone);
  if (asked.status !== 202) throw new Error(`code for ${phone}: ${JSON.stringify(asked.json)}`);
  const response = await signIn(env, phone, await codeTextedTo(env, phone));
  const cookie = residentCookieOf(response);
  if (response.status !== 200 || !cookie)
    throw new Error(`sign-in of ${phone}: ${JSON.stringify(response.json)}`);
  return cookie;
}

/** A fresh valid mobile number for each call, so per-phone limits never meet across tests. */
let next = 1000;
export const newPhone = (): string => {
  next += 1;
  return `1390000${String(next).padStart(4, '0')}`;
};

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A real JPEG and WebP: the store decodes every photo to make its thumbnail. */
export async function photoBytes(): Promise<{ jpeg: Buffer; webp: Buffer }> {
  const photo = sharp({ create: { width: 64, height: 48, channels: 3, background: '#3070c0' } });
  return { jpeg: await photo.clone().jpeg().toBuffer(), webp: await photo.clone().webp().toBuffer() };
}

/** A resident's photo upload to their request, as the portal's form sends it (any bytes, any name). */
export function uploadPhoto(
  env: TestEnv,
  cookie: string,
  orderId: string,
  content: Buffer,
  fileName: string,
) {
  const boundary = `----portal${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return env.inject('POST', `/api/portal/requests/${orderId}/photos`, {
    cookie,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: payload,
  });
}

/** A resident's request about a leaking pipe in a grid's building; fields can be overridden. */
export const repairRequest = (gridCode: string, overrides: Record<string, unknown> = {}) => ({
  categoryCode: 'livelihood.repair',
  description: '楼道里的水管漏水，地面结冰很滑',
  regionCode: gridCode,
  address: '1号楼2单元',
  ...overrides,
});
