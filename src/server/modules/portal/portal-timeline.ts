import type { Satisfaction } from '../../../shared/work-orders.js';
import type { Executor } from '../../db/database.js';
import type { WorkOrder, WorkOrderEvent } from '../../db/tables.js';
import { portalRepository } from './portal.repository.js';
import type { TIMELINE_KINDS } from './portal.schema.js';

/** One step of a request as its resident is told it. */
export interface TimelineItem {
  kind: (typeof TIMELINE_KINDS)[number];
  status: WorkOrder['status'];
  at: string;
  text: string;
  unitName: string | null;
  satisfaction: Satisfaction | null;
  dueAt: string | null;
}

const dataOf = (event: WorkOrderEvent): Record<string, unknown> =>
  JSON.parse(event.data) as Record<string, unknown>;

/**
 * The steps a resident is told about: submitted, passed to a unit, taken up, deadline extended,
 * resolved (with the resolution), answered, closed, rated or reopened. Urges, supervision,
 * comments, return requests and rejected reviews are the office's own business.
 */
export async function residentTimeline(db: Executor, events: WorkOrderEvent[]): Promise<TimelineItem[]> {
  const units = new Set(
    events
      .filter((event) => event.action === 'dispatch')
      .map((event) => dataOf(event).targetRegionCode)
      .filter((code): code is string => typeof code === 'string'),
  );
  const names = new Map<string, string>();
  for (const code of units) {
    const region = (await portalRepository.pathNames(db, code)).find((r) => r.code === code);
    if (region) names.set(code, region.name);
  }
  const items: TimelineItem[] = [];
  for (const event of events) {
    const data = dataOf(event);
    const base = {
      status: event.to_status,
      at: event.at,
      text: '',
      unitName: null,
      satisfaction: null,
      dueAt: null,
    };
    switch (event.action) {
      case 'receive':
        items.push({ ...base, kind: 'submitted' });
        break;
      case 'dispatch': {
        const target = typeof data.targetRegionCode === 'string' ? data.targetRegionCode : null;
        items.push({ ...base, kind: 'dispatched', unitName: target ? (names.get(target) ?? null) : null });
        break;
      }
      case 'sign':
        items.push({ ...base, kind: 'signed' });
        break;
      case 'approve_extension':
        items.push({ ...base, kind: 'extended', dueAt: typeof data.to === 'string' ? data.to : null });
        break;
      case 'resolve':
        items.push({ ...base, kind: 'resolved', text: event.note });
        break;
      case 'answer':
        items.push({ ...base, kind: 'answered', text: event.note });
        break;
      case 'review':
        if (data.approve === true) items.push({ ...base, kind: 'closed' });
        break;
      case 'callback': {
        const satisfaction = (data.satisfaction as Satisfaction | undefined) ?? null;
        items.push({
          ...base,
          kind: satisfaction === 'unsatisfied' ? 'reopened' : 'rated',
          satisfaction,
          // A staff member's callback note is their record of the call, not the resident's words.
          text: data.by === 'resident' ? event.note : '',
        });
        break;
      }
    }
  }
  return items;
}
