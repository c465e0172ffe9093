/** The parts of an OpenAPI 3 schema the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  pattern?: string;
  format?: string;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the document, as the fuzzer needs it. */
export interface Operation {
  method: HttpMethod;
  /** The path as the document writes it: `/api/users/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** The schema of each path and query parameter, by name. */
  parameterSchemas: Record<string, JsonSchema>;
  /** The JSON body schema, $refs resolved at the top; undefined when the route takes no JSON body. */
  body: JsonSchema | undefined;
}

export const operationKey = (operation: Pick<Operation, 'method' | 'path'>) =>
  `${operation.method} ${operation.path}`;

export function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(document, target);
}

/** Every operation of the document except HEAD (Fastify's mirror of GET). */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      if (upper === 'HEAD') continue;
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content['application/json']?.schema;
      operations.push({
        method: upper as HttpMethod,
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        parameterSchemas: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
        body: json ? resolve(document, json) : undefined,
      });
    }
  }
  return operations;
}

/** The JSON types a schema admits; undefined when it admits anything (no type information). */
export function admittedTypes(document: OpenApiDocument, raw: JsonSchema): Set<string> | undefined {
  const schema = resolve(document, raw);
  if (schema.enum) {
    return new Set(schema.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const union = new Set<string>();
    for (const alternative of alternatives) {
      const types = admittedTypes(document, alternative);
      if (!types) return undefined;
      for (const type of types) union.add(type);
    }
    return union;
  }
  if (schema.allOf?.length) return admittedTypes(document, schema.allOf[0]!);
  if (schema.type === undefined) return undefined;
  const types = new Set([schema.type].flat().map((t) => (t === 'integer' ? 'number' : t)));
  return types;
}
