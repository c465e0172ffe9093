import { type RecordVisitBody, recordVisitBody } from '../../../shared/api/visits';
import { ApiError } from '../../api/client';
import { sendVisit } from '../../api/visits';

/**
 * Visits typed without network wait here (localStorage) until the network returns. Each draft
 * carries the idempotency key made when it was typed, so a draft sent twice (a lost answer, two
 * tabs) is stored once by the server. A draft leaves the queue only when the server has it, or
 * refuses it for good (a 4xx other than a session that ended).
 */
const KEY = 'lianxin.visitDrafts';

export function loadDrafts(): RecordVisitBody[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((item): item is RecordVisitBody => recordVisitBody.safeParse(item).success);
  } catch {
    return [];
  }
}

function save(drafts: readonly RecordVisitBody[]): void {
  localStorage.setItem(KEY, JSON.stringify(drafts));
}

export function keepDraft(draft: RecordVisitBody): void {
  save([...loadDrafts().filter((d) => d.idempotencyKey !== draft.idempotencyKey), draft]);
}

function drop(key: string): void {
  save(loadDrafts().filter((d) => d.idempotencyKey !== key));
}

/** Sends one visit: kept as a draft first, so nothing typed is lost if the page closes mid-send. */
export async function submitVisit(draft: RecordVisitBody): Promise<'sent' | 'kept'> {
  keepDraft(draft);
  return (await trySend(draft)) ? 'sent' : 'kept';
}

async function trySend(draft: RecordVisitBody): Promise<boolean> {
  try {
    await sendVisit(draft);
    drop(draft.idempotencyKey);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
      // Refused for good (the household is no longer one's to visit…): keeping it would retry forever.
      drop(draft.idempotencyKey);
      throw error;
    }
    return false;
  }
}

let flushing: Promise<number> | null = null;

async function sendAll(): Promise<number> {
  let sent = 0;
  for (const draft of loadDrafts()) {
    try {
      if (await trySend(draft)) sent += 1;
      else break;
    } catch {
      // Refused for good: dropped in trySend; go on with the others.
    }
  }
  return sent;
}

/** Sends every waiting draft, one at a time; answers how many went. One flush at a time. */
export function flushDrafts(): Promise<number> {
  if (!flushing) {
    // Cleared when settled, never inside sendAll: with nothing to send it finishes synchronously.
    flushing = sendAll().finally(() => {
      flushing = null;
    });
  }
  return flushing;
}
