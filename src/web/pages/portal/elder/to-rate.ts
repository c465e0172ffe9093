import type { RequestSummary } from '../../../api/portal';

/** Requests waiting for the resident's rating: closed by the office, not rated yet. */
export const waitingForRating = (items: readonly RequestSummary[]): RequestSummary[] =>
  items.filter((request) => request.status === 'closed' && request.satisfaction === null);
