/**
 * The fields of a GeoReport POST as the specification sends them: form-encoded, flat, with
 * `attribute[code]=value` for one value and `attribute[code][]=value` (repeated) for a multivalue
 * list. A JSON object with the same flat names (or `attribute` as an object) reads the same.
 */
export interface GeoReportFields {
  /** Plain fields: the first value given for each name. */
  values: ReadonlyMap<string, string>;
  /** attribute[code] → one value or the list given. */
  attributes: Record<string, string | string[]>;
}

const ATTRIBUTE = /^attribute\[([^\][]+)\](\[\])?$/;

/** Parses an application/x-www-form-urlencoded body into name → values, in order. */
export function parseFormBody(body: string): [string, string][] {
  return [...new URLSearchParams(body).entries()];
}

function addAttribute(
  attributes: Record<string, string | string[]>,
  code: string,
  value: string,
  multi: boolean,
): void {
  const existing = attributes[code];
  if (existing === undefined) attributes[code] = multi ? [value] : value;
  else attributes[code] = [...(Array.isArray(existing) ? existing : [existing]), value];
}

const scalar = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;

/** Reads a parsed body (form pairs or a JSON object) into plain fields and attributes. */
export function readFields(body: unknown): GeoReportFields {
  const values = new Map<string, string>();
  const attributes: Record<string, string | string[]> = {};
  const take = (name: string, raw: unknown) => {
    const attribute = ATTRIBUTE.exec(name);
    if (attribute) {
      for (const item of Array.isArray(raw) ? raw : [raw]) {
        const value = scalar(item);
        if (value !== undefined) addAttribute(attributes, attribute[1]!, value, attribute[2] !== undefined);
      }
      return;
    }
    if (name === 'attribute' && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [code, inner] of Object.entries(raw)) {
        for (const item of Array.isArray(inner) ? inner : [inner]) {
          const value = scalar(item);
          if (value !== undefined) addAttribute(attributes, code, value, Array.isArray(inner));
        }
      }
      return;
    }
    const value = scalar(Array.isArray(raw) ? raw[0] : raw);
    if (value !== undefined && !values.has(name)) values.set(name, value);
  };
  if (Array.isArray(body)) {
    for (const pair of body) {
      if (Array.isArray(pair) && typeof pair[0] === 'string') take(pair[0], pair[1]);
    }
  } else if (body !== null && typeof body === 'object') {
    for (const [name, raw] of Object.entries(body)) take(name, raw);
  }
  return { values, attributes };
}

/**
 * A query-string or form value as the specification reads it: absent, or empty (which means the
 * same as absent), or text. Repeated query parameters arrive as arrays: the values are joined as
 * a comma list, since every list parameter of GET requests may be "declared multiple times".
 */
export function optionalParam(value: unknown): string | undefined {
  const text = Array.isArray(value)
    ? value
        .map(scalar)
        .filter((v) => v !== undefined && v !== '')
        .join(',')
    : scalar(value);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A comma list parameter: its non-empty items, trimmed; undefined when there are none. */
export function listParam(value: unknown): string[] | undefined {
  const text = optionalParam(value);
  if (text === undefined) return undefined;
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}
