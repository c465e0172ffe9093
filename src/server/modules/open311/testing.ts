import { SaxesParser } from 'saxes';
import { z } from 'zod';
import { createdOpen311KeySchema } from '../../../shared/api/open311.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { QINGNIAN, type TestEnv } from '../../testing/test-env.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../work-orders/testing.js';

/** Elements that hold a list of one repeated child in GeoReport v2 and its discovery document. */
const LIST_ELEMENTS = new Set([
  'services',
  'service_requests',
  'errors',
  'attributes',
  'values',
  'endpoints',
  'formats',
]);

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

export interface ParsedXml {
  declaration: { version: string | undefined; encoding: string | undefined } | undefined;
  root: string;
  /** The document read by the Spark convention: lists as arrays, every leaf as its text. */
  value: unknown;
}

function toValue(node: XmlNode): unknown {
  if (LIST_ELEMENTS.has(node.name)) return node.children.map(toValue);
  if (node.children.length === 0) return node.text;
  const object: Record<string, unknown> = {};
  for (const child of node.children) {
    if (child.name in object) throw new Error(`element ${child.name} repeated inside ${node.name}`);
    object[child.name] = toValue(child);
  }
  return object;
}

/** Parses with a conforming XML parser (saxes throws on anything not well-formed). */
export function parseXml(text: string): ParsedXml {
  const parser = new SaxesParser();
  let declaration: ParsedXml['declaration'];
  const stack: XmlNode[] = [{ name: '#document', children: [], text: '' }];
  parser.on('xmldecl', (decl) => {
    declaration = { version: decl.version, encoding: decl.encoding };
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (content) => {
    stack[stack.length - 1]!.text += content;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  const root = stack[0]!.children[0]!;
  return { declaration, root: root.name, value: toValue(root) };
}

/** JSON leaves as XML carries them: text, with null as an empty element. */
export function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asXmlText(inner)]));
  return String(value);
}

export const W3C_BEIJING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** A form-encoded POST as the specification sends it. */
export function postForm(env: TestEnv, url: string, form: string, headers: Record<string, string> = {}) {
  return env.inject('POST', url, {
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
  });
}

/** Issues a key through the admin API and answers it with its id. */
export async function issueKey(
  env: TestEnv,
  cookie: string,
  regionCode: string,
  name = `client-${Math.random().toString(36).slice(2, 8)}`,
): Promise<{ id: string; key: string }> {
  const response = await env.inject('POST', '/api/open311/keys', { cookie, body: { name, regionCode } });
  if (response.status !== 201) throw new Error(`issuing a key failed: ${JSON.stringify(response.json)}`);
  const { id, key } = response.body(createdOpen311KeySchema);
  return { id, key };
}

/**
 * The JSON shapes of GeoReport v2 as this server writes them (georeport.service.ts builds one
 * document for XML and JSON; no zod schema declares it, and the web never reads it), for tests
 * to read the JSON answers typed. Leaves are as JSON carries them; an XML answer read by the
 * Spark convention has every leaf as text (see asXmlText).
 */
export const geoReportErrorListSchema = z.array(z.object({ code: z.number(), description: z.string() }));

export const geoReportServiceListSchema = z.array(
  z.object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.string(),
    keywords: z.string(),
    group: z.string(),
  }),
);

export const geoReportServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.string(),
      required: z.boolean(),
      datatype_description: z.string(),
      order: z.number(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

export const geoReportRequestListSchema = z.array(
  z.object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string().nullable(),
    agency_responsible: z.string().nullable(),
    service_notice: z.null(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string(),
    address: z.string(),
    address_id: z.string(),
    zipcode: z.null(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.null(),
  }),
);

export type GeoReportRequest = z.output<typeof geoReportRequestListSchema>[number];

/** The answer to POST Service Request: a list of one. */
export const geoReportCreatedSchema = z.array(
  z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }),
);

export const BASE = '/open311/v2';
export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** GET and POST on the GeoReport endpoint, and a response's body as its format carries it. */
export function geoReportClient(env: TestEnv) {
  const get = (path: string, headers: Record<string, string> = {}) =>
    env.inject('GET', `${BASE}${path}`, { headers });
  const post = (format: Format, form: string, headers: Record<string, string> = {}) =>
    postForm(env, `${BASE}/requests.${format}`, form, headers);
  /** The body as the format carries it: parsed JSON, or XML read by the Spark convention. */
  const bodyOf = (response: Awaited<ReturnType<typeof get>>, format: Format) =>
    format === 'json' ? JSON.parse(response.raw.payload) : parseXml(response.raw.payload).value;
  return { get, post, bodyOf };
}

/** A valid POST Service Request form for `apiKey`, with some fields replaced. */
export const geoReportOrderForm = (apiKey: string, overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    api_key: apiKey,
    service_code: 'livelihood.repair',
    lat: '45.6123',
    long: '126.6345',
    description: '楼道灯坏了，晚上看不见',
    ...overrides,
  }).toString();

const pick = ({ id, number }: { id: string; number: string }) => ({ id, number });

export interface GeoReportWorld {
  world: WorkOrderWorld;
  /** The key of the client whose requests are accepted. */
  key: { id: string; key: string };
  /** The key the refusals are tried with: each key has its own allowance of POSTs per minute. */
  formKey: string;
  /** An order taken by a hotline operator, with a caller's name, phone and a home address. */
  staffOrder: { id: string; number: string };
  /** An order answered on the spot: closed. */
  closedOrder: { id: string; number: string };
}

/**
 * The GeoReport tests' world: two categories switched off, two client keys at 青年社区, an order a
 * hotline operator took with a caller's personal data, and one answered on the spot (closed).
 */
export async function geoReportWorld(env: TestEnv): Promise<GeoReportWorld> {
  // Before anything reads the catalogue (it is cached): one category is switched off.
  await env.database.db
    .updateTable('service_categories')
    .set({ active: 0 })
    .where('code', 'in', ['employment.training', 'complaint'])
    .execute();
  const world = await workOrderWorld(env);
  const key = await issueKey(env, world.admin, QINGNIAN, '市民通 App');
  const formKey = (await issueKey(env, world.admin, QINGNIAN, '测试客户端')).key;
  const taken = await env.inject('POST', '/api/work-orders', {
    cookie: world.operator.cookie,
    body: elderlyCareOrder(world, {
      description: '家中暖气不热，需要上门查看',
      contactName: '李四海',
      contactPhone: '13912345678',
      address: '兴建路12号3单元502',
    }),
  });
  const staffOrder = pick(taken.body(workOrderSchema));
  const answered = await env.inject('POST', '/api/work-orders', {
    cookie: world.operator.cookie,
    body: elderlyCareOrder(world, { categoryCode: 'policy.general', description: '咨询低保政策' }),
  });
  const closedOrder = pick(answered.body(workOrderSchema));
  const closing = await env.inject('POST', `/api/work-orders/${closedOrder.id}/actions`, {
    cookie: world.operator.cookie,
    body: { action: 'answer', note: '已电话解答低保申请条件' },
  });
  if (closing.body(workOrderSchema).status !== 'closed') throw new Error(`closing: ${closing.raw.payload}`);
  return { world, key, formKey, staffOrder, closedOrder };
}
