/**
 * A GeoReport v2 answer is built once as a document and rendered as XML or JSON. The JSON follows
 * the specification's "Spark convention": a repeated element (services/service) becomes an array,
 * an element with children an object, a leaf its value; so both formats always agree.
 */
export type DocValue = string | number | boolean | null | DocList | { readonly [key: string]: DocValue };

/** A repeated element: `<services><service>…</service>…</services>` in XML, an array in JSON. */
export class DocList {
  constructor(
    readonly itemTag: string,
    readonly items: readonly DocValue[],
  ) {}
}

export const docList = (itemTag: string, items: readonly DocValue[]): DocList => new DocList(itemTag, items);

export interface GeoReportDocument {
  /** The XML root element, e.g. services, service_requests, errors. */
  root: string;
  body: DocValue;
}

export type GeoReportFormat = 'json' | 'xml';

export const CONTENT_TYPES: Record<GeoReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export function toJsonValue(value: DocValue): unknown {
  if (value instanceof DocList) return value.items.map(toJsonValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJsonValue(inner)]));
  return value;
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeXml = (text: string): string =>
  text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

function element(tag: string, value: DocValue): string {
  if (value === null) return `<${tag}/>`;
  if (value instanceof DocList)
    return `<${tag}>${value.items.map((item) => element(value.itemTag, item)).join('')}</${tag}>`;
  if (typeof value === 'object')
    return `<${tag}>${Object.entries(value)
      .map(([key, inner]) => element(key, inner))
      .join('')}</${tag}>`;
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** The document as text in the requested format, with the XML declaration the specification asks for. */
export function render(document: GeoReportDocument, format: GeoReportFormat): string {
  if (format === 'json') return JSON.stringify(toJsonValue(document.body));
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(document.root, document.body)}\n`;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as a W3C datetime in Beijing time with its offset: 2026-11-26T09:30:00+08:00. */
export function w3cBeijing(iso: string): string {
  const local = new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

/**
 * The W3C note's forms: YYYY, YYYY-MM, YYYY-MM-DD, and date with hh:mm[:ss[.s]] and a zone
 * designator (Z or ±hh:mm). A date without time is that day's (month's, year's) first instant in
 * Beijing. Answers the instant as an ISO string in UTC, or undefined when the text is not one.
 */
export function parseW3cDatetime(text: string): string | undefined {
  const match =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour, minute, second = '00', fraction = '', zone] = match;
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (dayNumber > daysInMonth) return undefined;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59))
    return undefined;
  const clock = hour === undefined ? '00:00:00' : `${hour}:${minute}:${second}${fraction.slice(0, 4)}`;
  const offset = zone ?? '+08:00';
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return undefined;
  const instant = Date.parse(`${year}-${month}-${day}T${clock}${offset}`);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}
