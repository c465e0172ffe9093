import { SaxesParser } from 'saxes';
import type { TestEnv } from '../../testing/test-env.js';

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
  return { id: response.json.id, key: response.json.key };
}
