import { OPEN_STATUSES, type WorkOrderStatus } from '../../../shared/work-orders.js';
import { parseW3cDatetime } from './georeport-document.js';
import { failure, type Problem } from './georeport-errors.js';
import { listParam, optionalParam } from './georeport-form.js';

/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const MAX_RANGE_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

/** "Status maps to open/closed" (DESIGN §4): every state in which the order is still being worked is open. */
const CLOSED_STATUSES: readonly WorkOrderStatus[] = ['closed', 'archived'];
export const geoReportStatus = (status: WorkOrderStatus): 'open' | 'closed' =>
  CLOSED_STATUSES.includes(status) ? 'closed' : 'open';

/** What GET Service Requests asked for, checked: work-order statuses and a range of at most 90 days. */
export interface RequestFilter {
  serviceCodes: string[] | undefined;
  statuses: readonly WorkOrderStatus[] | undefined;
  from: string;
  to: string;
}

/**
 * The specification's filters (status, start_date, end_date, service_code) and its default span:
 * a missing end is 90 days after the start, a missing start 90 days before the end (or now).
 * Every bad parameter is named at once.
 */
export function requestFilter(query: Record<string, unknown>, now: Date): RequestFilter {
  const problems: Problem[] = [];
  const statusNames = listParam(query.status);
  if (statusNames?.some((s) => s !== 'open' && s !== 'closed'))
    problems.push({ path: 'status', code: 'open311.unknown_status' });
  const dates: Record<'start_date' | 'end_date', string | undefined> = {
    start_date: undefined,
    end_date: undefined,
  };
  for (const name of ['start_date', 'end_date'] as const) {
    const text = optionalParam(query[name]);
    if (text === undefined) continue;
    const instant = parseW3cDatetime(text);
    if (instant) dates[name] = instant;
    else problems.push({ path: name, code: 'open311.datetime_format' });
  }
  const span = MAX_RANGE_DAYS * DAY_MS;
  let from = dates.start_date;
  let to = dates.end_date;
  if (problems.length === 0) {
    if (from && to) {
      if (Date.parse(to) < Date.parse(from))
        problems.push({ path: 'end_date', code: 'open311.end_before_start' });
      else if (Date.parse(to) - Date.parse(from) > span)
        problems.push({
          path: 'end_date',
          code: 'open311.range_too_long',
          params: { days: MAX_RANGE_DAYS },
        });
    } else if (from) {
      to = new Date(Date.parse(from) + span).toISOString();
    } else {
      to ??= now.toISOString();
      from = new Date(Date.parse(to) - span).toISOString();
    }
  }
  if (problems.length > 0 || from === undefined || to === undefined) throw failure(400, problems);
  const wanted = new Set(statusNames);
  const statuses = wanted.size === 1 ? (wanted.has('open') ? OPEN_STATUSES : CLOSED_STATUSES) : undefined;
  return { serviceCodes: listParam(query.service_code), statuses, from, to };
}
