import type { Answer } from './soak-client.js';

/**
 * The soak's request mix: 50% reads, 20% searches, 20% intakes and 10% work-order actions, each
 * order taken along its way (dispatch, sign, resolve) by the actions.
 */

export type Kind = 'read' | 'search' | 'intake' | 'action';
/** What exactly a request asks, finer than its kind: which query's cost grows with the tables. */
export type Label =
  | 'orders-list'
  | 'order'
  | 'persons-list'
  | 'person'
  | 'search-name'
  | 'search-age'
  | 'intake'
  | 'dispatch'
  | 'sign'
  | 'resolve';
export const LABELS: readonly Label[] = [
  'orders-list',
  'order',
  'persons-list',
  'person',
  'search-name',
  'search-age',
  'intake',
  'dispatch',
  'sign',
  'resolve',
];
export interface MixInput {
  send: (method: string, url: string, cookie: string, body?: unknown) => Promise<Answer>;
  cookies: { admin: string; operator: string; secretary: string; worker: string };
  grid: string;
  personIds: readonly string[];
  surnames: readonly string[];
  workerId: string;
  intakeBody: unknown;
}

/** A generator of the mix's requests, keeping the orders it created for their later actions. */
export function requestMix({ send, cookies, grid, personIds, surnames, workerId, intakeBody }: MixInput) {
  const recent: string[] = [];
  const toDispatch: string[] = [];
  const toSign: string[] = [];
  const toResolve: string[] = [];
  const pickFrom = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  const remember = (id: string) => {
    recent.push(id);
    if (recent.length > 1000) recent.shift();
  };

  /** One request of the mix: what it asks, and what to do with a good answer. */
  function nextRequest(): {
    kind: Kind;
    label: Label;
    run: () => Promise<Answer>;
    done?: (answer: Answer) => void;
  } {
    const roll = Math.random();
    if (roll < 0.1) {
      if (toResolve.length > 0) {
        const id = toResolve.shift()!;
        return {
          kind: 'action',
          label: 'resolve',
          run: () =>
            send('POST', `/api/work-orders/${id}/actions`, cookies.worker, {
              action: 'resolve',
              note: '已上门处理',
            }),
        };
      }
      if (toSign.length > 0) {
        const id = toSign.shift()!;
        return {
          kind: 'action',
          label: 'sign',
          run: () => send('POST', `/api/work-orders/${id}/actions`, cookies.worker, { action: 'sign' }),
          done: () => toResolve.push(id),
        };
      }
      if (toDispatch.length > 0) {
        const id = toDispatch.shift()!;
        return {
          kind: 'action',
          label: 'dispatch',
          run: () =>
            send('POST', `/api/work-orders/${id}/actions`, cookies.secretary, {
              action: 'dispatch',
              assigneeUserId: workerId,
            }),
          done: () => toSign.push(id),
        };
      }
    }
    if (roll < 0.3)
      return {
        kind: 'intake',
        label: 'intake',
        run: () => send('POST', '/api/work-orders', cookies.operator, intakeBody),
        done: (answer) => {
          const id = (JSON.parse(answer.body) as { id: string }).id;
          remember(id);
          toDispatch.push(id);
        },
      };
    if (roll < 0.5) {
      const [label, search]: [Label, string] =
        Math.random() < 0.5
          ? ['search-name', `/api/persons?q=${encodeURIComponent(pickFrom(surnames))}&limit=20`]
          : ['search-age', `/api/persons?region=${grid}&ageMin=60&ageMax=80&limit=20`];
      return { kind: 'search', label, run: () => send('GET', search, cookies.admin) };
    }
    const reads: [Label, string][] = [
      ['orders-list', '/api/work-orders?limit=20'],
      ['persons-list', `/api/persons?region=${grid}&limit=20`],
      ['person', `/api/persons/${pickFrom(personIds)}`],
      ...(recent.length > 0 ? [['order', `/api/work-orders/${pickFrom(recent)}`] as [Label, string]] : []),
    ];
    const [label, read] = pickFrom(reads);
    return { kind: 'read', label, run: () => send('GET', read, cookies.admin) };
  }
  return nextRequest;
}
