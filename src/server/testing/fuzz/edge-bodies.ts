import { NASTY_STRINGS } from './nasty-values.js';
import { type JsonSchema, type OpenApiDocument, type Operation, resolve } from './openapi-operations.js';
import type { SeededRandom } from './seeded-random.js';
import { encodeComponent } from './url-encoding.js';

/**
 * Strings tried against a pattern or format: real records of the test district (ids, codes) and
 * values at the edges of what the patterns admit (leap days, far years, nonexistent codes).
 */
function candidates(fixtures: readonly string[]): string[] {
  return [
    ...fixtures,
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '0190a0b0-0000-7000-8000-000000000000',
    '230108',
    '999999',
    '99999999999999999',
    '2024-02-29',
    '1900-01-01',
    '2100-12-31',
    '0000-00-00',
    '2026-12',
    '0000-01',
    '2026-10-01T00:00:00Z',
    '1970-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59Z',
    'livelihood.repair',
    'zz.nonexistent',
    'a__',
    'abc',
    `a${'9'.repeat(39)}`,
    '000',
    '0-0',
    '010-12345678',
    '13800138000',
    '123456',
  ];
}

export function stringValue(schema: JsonSchema, random: SeededRandom, fixtures: readonly string[]): string {
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  const format = schema.format;
  if (pattern || (format && format !== 'email')) {
    const fits = candidates(fixtures).filter(
      (c) =>
        (!pattern || pattern.test(c)) &&
        (format !== 'uuid' || /^[0-9a-f-]{36}$/i.test(c)) &&
        (format !== 'date' || /^\d{4}-\d{2}-\d{2}$/.test(c)) &&
        (format !== 'date-time' || c.includes('T')),
    );
    if (fits.length) return random.pick(fits);
  }
  if (format === 'email') return random.pick(['a@b.cn', `${'x'.repeat(60)}@例子.中国`, '"a b"@c.d']);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 300;
  let text = random.pick([...NASTY_STRINGS, '', '连心', 'x', ' 前后空格 ']).slice(0, max);
  while ([...text].length < min) text += random.pick(['连', 'a', '\u200b', '😀']);
  return text.slice(0, Math.max(max, min));
}

function numberValue(schema: JsonSchema, random: SeededRandom, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e9);
  const picks = [low, high, Math.min(Math.max(0, low), high), low + 1 <= high ? low + 1 : low];
  if (!integer) picks.push((low + high) / 3);
  return random.pick(picks);
}

/**
 * A value the schema admits, chosen at its edges: the bodies of the "edge-valid" phase, which get
 * past validation into the services, where unchecked assumptions (an empty optional string, a
 * record that does not exist, a date that does not exist) turn into 500s.
 */
export function edgeValue(
  document: OpenApiDocument,
  raw: JsonSchema,
  random: SeededRandom,
  fixtures: readonly string[],
  depth = 0,
): unknown {
  const schema = resolve(document, raw);
  if (schema.enum?.length) return random.pick(schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return edgeValue(document, random.pick(alternatives), random, fixtures, depth);
  if (schema.allOf?.length) return edgeValue(document, schema.allOf[0]!, random, fixtures, depth);
  const type = [schema.type ?? 'object'].flat().filter((t) => t !== 'null')[0] ?? 'null';
  switch (type) {
    case 'string':
      return stringValue(schema, random, fixtures);
    case 'integer':
      return numberValue(schema, random, true);
    case 'number':
      return numberValue(schema, random, false);
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 3);
      const length = depth > 3 ? min : min + random.int(max - min + 1);
      return Array.from({ length }, () =>
        schema.items ? edgeValue(document, schema.items, random, fixtures, depth + 1) : null,
      );
    }
    default: {
      const object: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || (depth < 3 && random.chance(0.6)))
          object[name] = edgeValue(document, property, random, fixtures, depth + 1);
      }
      if (typeof schema.additionalProperties === 'object' && depth < 3 && random.chance(0.5))
        object[random.pick(['', 'x', '连心', '\u0000'])] = edgeValue(
          document,
          schema.additionalProperties,
          random,
          fixtures,
          depth + 1,
        );
      return object;
    }
  }
}

/** A request whose every part the schema admits, aimed at real records where the route names one. */
export function edgeRequest(
  document: OpenApiDocument,
  operation: Operation,
  random: SeededRandom,
  fixtures: readonly string[],
): { url: string; payload?: string; headers: Record<string, string> } {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeComponent(stringValue(operation.parameterSchemas[name] ?? {}, random, fixtures)),
  );
  const query = operation.queryParams
    .filter(() => random.chance(0.5))
    .map((name) => {
      const value = edgeValue(document, operation.parameterSchemas[name] ?? {}, random, fixtures);
      return `${encodeComponent(name)}=${encodeComponent(String(value))}`;
    })
    .join('&');
  const url = `${path}${query ? `?${query}` : ''}`;
  if (!operation.body) return { url, headers: {} };
  const body = JSON.stringify(edgeValue(document, operation.body, random, fixtures));
  return { url, payload: body, headers: { 'content-type': 'application/json' } };
}
