import { brokenMultipartBodies } from './multipart-bodies.js';
import {
  deepArray,
  type Json,
  jsonObject,
  jsonString,
  NASTY_STRINGS,
  nastyJson,
  PROTOTYPE_KEYS,
  pollutionObject,
} from './nasty-values.js';
import {
  admittedTypes,
  type HttpMethod,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationKey,
} from './openapi-operations.js';
import { SeededRandom } from './seeded-random.js';
import { encodeComponent, RAW_URL_JUNK } from './url-encoding.js';

export interface FuzzRequest {
  operation: string;
  /** What this request breaks, e.g. `body:wrong-type`: the unit of the known-failure list. */
  kind: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /**
   * The request is invalid whatever the database holds: anything but a 4xx is a defect, and it
   * must change nothing. Reads with an accidentally valid query may answer 200.
   */
  mustReject: boolean;
  /** Sent as a staff member with a narrow scope (a grid worker) instead of the district admin. */
  asScopedStaff?: boolean;
}

export interface FuzzPlan {
  document: OpenApiDocument;
  /** Values that exist (fixtures) for path parameters, by name: reached past the "not found". */
  plausible: Record<string, string[]>;
  /** Path parameters fixed per operation (upload routes need a real record to read the body). */
  fixedPath: Record<string, Record<string, string>>;
  /** Operations that take a multipart upload rather than JSON. */
  uploads: Set<string>;
  /** Extra query names an operation reads without declaring them (Open311). */
  extraQuery: Record<string, string[]>;
  /** Form-encoded Open311 POST: the api_key to send, so the request gets past the key check. */
  open311Key: string;
}

const isMutating = (method: HttpMethod) => method !== 'GET';

/** Unmistakably not a uuid, region code or date: holds a character none of those patterns admit. */
const poisoned = (value: string) => (/[^0-9a-fA-F-]/.test(value) ? value : `${value}!`);

function nastyPathValue(random: SeededRandom): string {
  switch (random.int(6)) {
    case 0:
      return encodeComponent(random.pick(NASTY_STRINGS).slice(0, random.pick([8, 64, 300])));
    case 1:
      return random.pick(RAW_URL_JUNK);
    case 2:
      return 'x'.repeat(random.pick([101, 150, 1000]));
    case 3:
      return encodeComponent(
        random.pick(['../admin', '..%2f', '0190a0b0-0000-7000-8000-00000000000g', '-1', '1e3']),
      );
    case 4:
      return `${random.pick(RAW_URL_JUNK)}${encodeComponent(random.pick(NASTY_STRINGS).slice(0, 20))}`;
    default:
      return encodeComponent(random.pick(['\u200b', '٢٣٠', '２３０１０８', '𝟐𝟑𝟎', '\u202e1', ' ', '%']));
  }
}

function pathOf(
  plan: FuzzPlan,
  operation: Operation,
  random: SeededRandom,
  mustPoison: boolean,
): { path: string; kind?: string } {
  const fixed = plan.fixedPath[operationKey(operation)];
  let kind: string | undefined;
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (fixed?.[name]) return fixed[name];
    const plausible = plan.plausible[name];
    if (!mustPoison && plausible && random.chance(0.4)) return random.pick(plausible);
    kind = 'path:bad-param';
    const value = nastyPathValue(random);
    return mustPoison ? poisoned(value) : value;
  });
  return kind ? { path, kind } : { path };
}

function queryOf(random: SeededRandom, names: string[]): { query: string; kind: string } {
  const pairs: string[] = [];
  const choices = [...names, ...PROTOTYPE_KEYS, 'x', ''];
  const value = () => {
    if (random.chance(0.2)) return random.pick(RAW_URL_JUNK);
    const text = random.pick(NASTY_STRINGS);
    return encodeComponent(random.chance(0.7) ? text.slice(0, 200) : text);
  };
  const style = random.int(4);
  for (let i = 0; i < 1 + random.int(4); i++) {
    const name = encodeComponent(random.pick(choices));
    if (style === 0)
      pairs.push(`${name}=${value()}`, `${name}=${value()}`); // repeated
    else if (style === 1)
      pairs.push(`${name}[]=${value()}`, `${name}[0]=${value()}`); // array syntax
    else if (style === 2)
      pairs.push(
        `${name}=${encodeComponent(random.pick(['-1', '1.5', '1e309', 'NaN', '99999999999999999999', '0x10', '２']))}`,
      );
    else pairs.push(`${name}=${value()}`);
  }
  return {
    query: pairs.join(random.chance(0.1) ? ';' : '&'),
    kind: ['query:repeated', 'query:array', 'query:number', 'query:nasty'][style]!,
  };
}

/** A JSON value whose type the schema does not admit; undefined when it admits every type. */
function wrongTypedValue(
  document: OpenApiDocument,
  schema: JsonSchema,
  random: SeededRandom,
): Json | undefined {
  const admitted = admittedTypes(document, schema);
  if (!admitted) return undefined;
  const candidates: [string, () => Json][] = [
    ['string', () => jsonString(random.pick(NASTY_STRINGS))],
    ['number', () => random.pick(['-1', '1.5', '1e308', '-0', '9007199254740993', '1e400'])],
    ['boolean', () => random.pick(['true', 'false'])],
    ['null', () => 'null'],
    ['array', () => random.pick(['[]', '[1,"a",null]', deepArray(10_000)])],
    ['object', () => random.pick(['{}', pollutionObject(random), '{"a":{"b":[1]}}'])],
  ];
  const wrong = candidates.filter(([type]) => !admitted.has(type));
  return wrong.length ? random.pick(wrong)[1]() : undefined;
}

/**
 * A body the schema certainly refuses: one required field is missing or one field has a type
 * the schema does not admit, or the whole body is not an object. Around that one fault, the other
 * fields carry nasty values, extra keys and prototype keys.
 */
function invalidBody(
  document: OpenApiDocument,
  schema: JsonSchema,
  random: SeededRandom,
): { json: Json; kind: string } {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const required = schema.required ?? [];
  const breakable = names
    .map((name) => ({ name, wrong: wrongTypedValue(document, properties[name]!, random) }))
    .filter((p): p is { name: string; wrong: Json } => p.wrong !== undefined);
  const mode = random.int(10);
  if (mode === 0 || (breakable.length === 0 && required.length === 0)) {
    const json = random.pick([
      '[]',
      '"x"',
      '0',
      'null',
      'true',
      deepArray(10_000),
      `[${jsonObject([])}]`,
      jsonString('a'.repeat(100_000)),
    ]);
    return { json, kind: json.startsWith('[[[') ? 'body:deep-nesting' : 'body:not-an-object' };
  }
  const entries: [string, Json][] = [];
  const omitRequired = required.length > 0 && (breakable.length === 0 || mode <= 3);
  const broken = omitRequired ? random.pick(required) : random.pick(breakable).name;
  for (const name of names) {
    if (name === broken || random.chance(0.3)) continue;
    entries.push([name, nastyJson(random)]);
  }
  let kind = omitRequired ? 'body:missing-required' : 'body:wrong-type';
  if (mode === 4) {
    entries.push([random.pick(PROTOTYPE_KEYS), pollutionObject(random)]);
    kind = 'body:prototype-keys';
  } else if (mode === 5) {
    entries.push(['extraField', nastyJson(random)], ['', '1'], ['\u0000', '"x"']);
    kind = 'body:extra-fields';
  } else if (mode === 6 && names.length > 0) {
    entries.push([random.pick(names), jsonString('a'.repeat(100 * 1024))]);
    kind = 'body:huge-string';
  } else if (mode === 7 && names.length > 0) {
    entries.push([random.pick(names), deepArray(10_000)]);
    kind = 'body:deep-nesting';
  }
  // The fault goes last so no noise entry with the same key can overwrite it.
  if (!omitRequired) entries.push([broken, breakable.find((p) => p.name === broken)!.wrong]);
  else entries.splice(0, entries.length, ...entries.filter(([name]) => name !== broken));
  return { json: jsonObject(entries), kind };
}

/** Bodies the JSON parser itself refuses: the handler never runs, whatever the route. */
function unparseableBody(random: SeededRandom): {
  payload: string | Buffer;
  contentType: string;
  kind: string;
} {
  switch (random.int(5)) {
    case 0:
      return {
        payload: random.pick(['{', '{"a":', '{"a":1,}', "{'a':1}", '[1,2', '{"a":1}x', 'NaN']),
        contentType: 'application/json',
        kind: 'body:malformed-json',
      };
    case 1:
      return {
        payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22]),
        contentType: 'application/json',
        kind: 'body:invalid-utf8',
      };
    case 2:
      return {
        payload: `{"a":"${'x'.repeat(1_100_000)}"}`,
        contentType: 'application/json',
        kind: 'body:too-large',
      };
    case 3:
      return {
        payload: '<a/>',
        contentType: random.pick(['application/xml', 'image/png', 'application/x-foo']),
        kind: 'body:unsupported-type',
      };
    default:
      return {
        payload: '{"__proto__":{"isAdmin":true}}',
        contentType: 'application/json',
        kind: 'body:prototype-keys',
      };
  }
}

/** A form-encoded Open311 POST that lacks a real service code (missing, or nonsense). */
function open311Form(plan: FuzzPlan, random: SeededRandom): string {
  const fields: [string, string][] = [];
  if (random.chance(0.8))
    fields.push(['api_key', random.chance(0.8) ? plan.open311Key : random.pick(NASTY_STRINGS).slice(0, 80)]);
  if (random.chance(0.5)) fields.push(['service_code', `zz-${random.pick(NASTY_STRINGS).slice(0, 60)}`]);
  const names = [
    'lat',
    'long',
    'address_string',
    'description',
    'email',
    'phone',
    'first_name',
    'attribute[x]',
    'attribute[]',
    'jurisdiction_id',
    'media_url',
    '__proto__',
    'constructor[prototype][x]',
  ];
  for (let i = 0; i < 2 + random.int(5); i++) {
    const value = random.chance(0.3)
      ? random.pick(['NaN', '1e999', '-91', '181', '', '0x1'])
      : random.pick(NASTY_STRINGS);
    fields.push([random.pick(names), value.slice(0, random.pick([30, 3000, 120_000]))]);
  }
  return fields
    .map(
      ([k, v]) =>
        `${encodeComponent(k)}=${random.chance(0.05) ? random.pick(RAW_URL_JUNK) : encodeComponent(v)}`,
    )
    .join('&');
}

const hashOf = (text: string) => {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
};

/** `count` bad requests for one operation, the same ones for the same seed. */
export function fuzzRequests(
  plan: FuzzPlan,
  operation: Operation,
  count: number,
  seed: number,
): FuzzRequest[] {
  const key = operationKey(operation);
  const random = new SeededRandom(seed ^ hashOf(key));
  const requests: FuzzRequest[] = [];
  const isOpen311Post = key === 'POST /open311/v2/requests.{format}';
  const isUpload = plan.uploads.has(key);
  const queryNames = [...operation.queryParams, ...(plan.extraQuery[key] ?? [])];
  for (let i = 0; i < count; i++) {
    const hasBody = operation.body !== undefined;
    // Without a schema'd body, a mutating route must be stopped by its path or its body parser.
    const mustPoison = isMutating(operation.method) && !hasBody && !isOpen311Post && !isUpload;
    const { path, kind: pathKind } = pathOf(
      plan,
      operation,
      random,
      mustPoison && operation.pathParams.length > 0,
    );
    const wantsQuery = queryNames.length > 0 ? random.chance(0.6) : random.chance(0.15);
    const query = wantsQuery ? queryOf(random, queryNames) : undefined;
    const url = `${path}${query ? `?${query.query}` : ''}`;
    const request: FuzzRequest = {
      operation: key,
      kind: pathKind ?? query?.kind ?? 'plain',
      method: operation.method,
      url,
      headers: {},
      mustReject: false,
    };

    if (isUpload) {
      const broken = brokenMultipartBodies(
        random.pick(['people.xlsx', 'people.csv', 'photo.jpg', '../../x.xlsx', '\u202e.xlsx']),
      );
      const choice = random.pick(broken);
      Object.assign(request, {
        kind: choice.kind,
        payload: choice.body.payload,
        headers: choice.body.headers,
        mustReject: true,
      });
    } else if (isOpen311Post) {
      if (random.chance(0.8)) {
        Object.assign(request, {
          kind: 'open311:form',
          payload: open311Form(plan, random),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          mustReject: true,
        });
      } else {
        const bad = unparseableBody(random);
        Object.assign(request, {
          kind: bad.kind,
          payload: bad.payload,
          headers: { 'content-type': bad.contentType },
          mustReject: true,
        });
      }
    } else if (hasBody) {
      if (random.chance(0.85)) {
        const body = invalidBody(plan.document, operation.body!, random);
        const asText = random.chance(0.05);
        Object.assign(request, {
          kind: asText ? 'body:text-plain' : body.kind,
          payload: body.json,
          headers: { 'content-type': asText ? 'text/plain' : 'application/json' },
          mustReject: true,
        });
      } else {
        const bad = unparseableBody(random);
        Object.assign(request, {
          kind: bad.kind,
          payload: bad.payload,
          headers: { 'content-type': bad.contentType },
          mustReject: true,
        });
      }
    } else if (isMutating(operation.method)) {
      // A poisoned path (if any) refuses it; the body parser refuses it where there is no path.
      if (operation.pathParams.length === 0 || random.chance(0.5)) {
        const bad = unparseableBody(random);
        Object.assign(request, {
          kind: bad.kind,
          payload: bad.payload,
          headers: { 'content-type': bad.contentType },
        });
      }
      request.mustReject = true;
    } else if (random.chance(0.1)) {
      // A GET with a body: ignored or refused, never a crash.
      Object.assign(request, {
        kind: 'get:with-body',
        payload: nastyJson(random),
        headers: { 'content-type': 'application/json' },
      });
    }
    if (random.chance(0.05))
      request.headers['accept-language'] = random.pick([
        '\u0000',
        'xx;q=NaN',
        'zh-CN,'.repeat(500),
        '*;q=-1',
      ]);
    requests.push(request);
  }
  return requests;
}
