import { ApiError } from '../api/client';
import type { Translate } from '../i18n/translate';

/** A line for the user about a failed call: the server's own message, or a network hint. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message || t('error.title');
  return t('common.networkError');
}
