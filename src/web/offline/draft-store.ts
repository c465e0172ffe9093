/**
 * Drafts typed without network, kept in IndexedDB until they are sent. IndexedDB rather than
 * localStorage (which the visit form uses for its text-only drafts) because it holds Blobs: the
 * photos of a resolution stay on the phone, already scaled down, until the network returns.
 * Generic: each kind of draft names its records with an id of its own and a `kind`, and reads only
 * its kind. Every tab hears of a change (BroadcastChannel), so a draft sent in one tab leaves the
 * list in another.
 */
const DATABASE = 'lianxin-drafts';
const STORE = 'drafts';

export interface StoredDraft {
  /** Unique across kinds: prefix it with what it belongs to (an order's id and step). */
  id: string;
  kind: string;
}

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  if (!opening) {
    opening = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: 'id' }).createIndex('kind', 'kind');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
    });
    // A failed open (a private window refusing storage) is tried again next time, not remembered.
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** One request in its own transaction; settles when the transaction has committed. */
async function inStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(DATABASE) : null;
const tellListeners = () => {
  for (const listener of listeners) listener();
};
if (channel) channel.onmessage = tellListeners;

function changed(): void {
  tellListeners();
  channel?.postMessage('changed');
}

export const draftStore = {
  async put<T extends StoredDraft>(draft: T): Promise<void> {
    await inStore('readwrite', (store) => store.put(draft));
    changed();
  },

  async remove(id: string): Promise<void> {
    await inStore('readwrite', (store) => store.delete(id));
    changed();
  },

  async get(id: string): Promise<unknown> {
    return inStore('readonly', (store) => store.get(id));
  },

  /** Every record of one kind, as stored: the caller checks their shape. */
  async all(kind: string): Promise<unknown[]> {
    return inStore('readonly', (store) => store.index('kind').getAll(kind));
  },

  /** Called after every change, in this tab or another; answers the unsubscribe. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
