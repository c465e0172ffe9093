import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/translate';
import { errorMessage } from './errors';

/**
 * Puts the server's field problems on the matching form fields. Returns the message still to show
 * above the buttons (for problems that name no field of this form), or null when all found a field.
 */
export function applyFieldErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fieldNames: readonly (keyof T & string)[],
  t: Translate,
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error, t);
  const known = new Set<string>(fieldNames);
  const onFields = error.fields.flatMap((f) => {
    const name = formNameOf(f.path, known);
    return name === null ? [] : [{ name, errors: [f.message] }];
  });
  if (onFields.length > 0) form.setFields(onFields as never);
  return onFields.length > 0 && onFields.length === error.fields.length ? null : error.message;
}

/**
 * The form's name of a server field path: the path itself when the form has that field; for a
 * list field of the form (antd Form.List), `entries.1.minutes` → ['entries', 1, 'minutes'], the
 * name of that row's field; null when the form has no such field.
 */
export function formNameOf(path: string, known: ReadonlySet<string>): string | (string | number)[] | null {
  if (known.has(path)) return path;
  const parts = path.split('.');
  if (parts.length < 2 || !known.has(parts[0]!)) return null;
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Server errors for one form: field problems go on the fields, the rest into `formError`. */
export function useServerErrors<T>(form: FormInstance<T>, fieldNames: readonly (keyof T & string)[]) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  return {
    formError,
    clearFormError: () => setFormError(null),
    onServerError: (error: unknown) => setFormError(applyFieldErrors(form, error, fieldNames, t)),
  };
}

/**
 * The same error with field paths renamed to the form's names: the server names nested body
 * fields with dots (`person.idNumber`), a form may keep them flat (`idNumber`).
 */
export function renameFieldPaths(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({ ...f, path: names[f.path] ?? f.path }));
  return new ApiError(error.status, error.code, error.message, error.requestId, fields);
}
