import { type Language, type MessageCode, messages, translate } from '../i18n/messages.js';

/** One failed check of a request, as fastify-type-provider-zod hands it over (a zod issue). */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

export interface FieldProblem {
  path: string;
  message: string;
}

const isMessageCode = (value: unknown): value is MessageCode =>
  typeof value === 'string' && value in messages;

/** `/body/password` style paths become `password`; the request part is prefixed for query/params. */
function fieldPath(issue: ValidationIssue, context: string | undefined): string {
  const inner = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const prefix = context && context !== 'body' ? context : '';
  return [prefix, inner].filter(Boolean).join('.') || prefix || '(body)';
}

function messageFor(issue: ValidationIssue, language: Language): string {
  const p = issue.params ?? {};
  // A schema refinement names its message by code (e.g. 'password.too_short').
  if (isMessageCode(issue.message)) return translate(issue.message, language, p);
  switch (issue.keyword) {
    case 'invalid_type':
      return p.input === undefined
        ? translate('field.required', language)
        : translate('field.invalid_type', language, p);
    case 'too_small':
      if (p.origin === 'string') return translate('field.too_short', language, p);
      if (p.origin === 'array') return translate('field.too_few_items', language, p);
      return translate('field.too_small', language, p);
    case 'too_big':
      if (p.origin === 'string') return translate('field.too_long', language, p);
      if (p.origin === 'array') return translate('field.too_many_items', language, p);
      return translate('field.too_big', language, p);
    case 'invalid_format':
      return translate('field.invalid_format', language, p);
    case 'invalid_value':
      return translate('field.invalid_value', language, {
        values: Array.isArray(p.values) ? p.values.join(', ') : '',
      });
    case 'unrecognized_keys':
      return translate('field.unrecognized_keys', language, {
        keys: Array.isArray(p.keys) ? p.keys.join(', ') : '',
      });
    default:
      return translate('field.invalid', language);
  }
}

export function describeValidation(
  issues: readonly ValidationIssue[],
  context: string | undefined,
  language: Language,
): FieldProblem[] {
  return issues.map((issue) => ({ path: fieldPath(issue, context), message: messageFor(issue, language) }));
}
