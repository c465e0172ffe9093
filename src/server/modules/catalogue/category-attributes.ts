import type { CategoryAttribute } from '../../../shared/work-orders.js';
import type { ServiceCategory } from '../../db/tables.js';
import { DomainError } from '../../http/errors.js';
import type { MessageCode } from '../../i18n/messages.js';

export const attributesOf = (category: Pick<ServiceCategory, 'attributes'>): CategoryAttribute[] =>
  JSON.parse(category.attributes) as CategoryAttribute[];

type FieldProblem = { path: string; code: MessageCode; params?: Record<string, unknown> };

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks submitted values against a category's attribute definitions (Open311 service
 * definitions) and returns them normalized; every problem is named, by attribute code.
 * Values arrive as strings (forms, Open311) or typed (JSON); lists as arrays or single keys.
 */
export function checkAttributes(
  definitions: readonly CategoryAttribute[],
  submitted: Record<string, unknown>,
  pathPrefix = 'attributes',
): Record<string, string | number | string[]> {
  const problems: FieldProblem[] = [];
  const result: Record<string, string | number | string[]> = {};
  const known = new Set(definitions.map((d) => d.code));
  for (const code of Object.keys(submitted)) {
    if (!known.has(code))
      problems.push({ path: `${pathPrefix}.${code}`, code: 'workorder.unknown_attribute' });
  }
  for (const definition of definitions) {
    const path = `${pathPrefix}.${definition.code}`;
    const raw = submitted[definition.code];
    const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (definition.required) problems.push({ path, code: 'field.required' });
      continue;
    }
    const keys = new Set((definition.values ?? []).map((v) => v.key));
    switch (definition.datatype) {
      case 'string':
      case 'text': {
        const text = String(raw).trim();
        const max = definition.datatype === 'string' ? 200 : 2000;
        if (text.length > max) problems.push({ path, code: 'field.too_long', params: { maximum: max } });
        else result[definition.code] = text;
        break;
      }
      case 'number': {
        const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
        if (!Number.isFinite(value))
          problems.push({ path, code: 'field.invalid_type', params: { expected: 'number' } });
        else result[definition.code] = value;
        break;
      }
      case 'datetime': {
        const text = String(raw).trim();
        if (!ISO_DATETIME.test(text) || Number.isNaN(Date.parse(text)))
          problems.push({ path, code: 'field.invalid_format' });
        else result[definition.code] = new Date(text).toISOString();
        break;
      }
      case 'singlevaluelist': {
        const value = String(Array.isArray(raw) ? raw[0] : raw);
        if (Array.isArray(raw) && raw.length > 1) problems.push({ path, code: 'workorder.single_value' });
        else if (!keys.has(value))
          problems.push({ path, code: 'field.invalid_value', params: { values: [...keys].join(', ') } });
        else result[definition.code] = value;
        break;
      }
      case 'multivaluelist': {
        const values = (Array.isArray(raw) ? raw : [raw]).map(String);
        const unknown = values.filter((value) => !keys.has(value));
        if (unknown.length > 0)
          problems.push({ path, code: 'field.invalid_value', params: { values: [...keys].join(', ') } });
        else result[definition.code] = [...new Set(values)];
        break;
      }
    }
  }
  if (problems.length > 0) throw new DomainError('request.validation', 400, {}, problems);
  return result;
}
