import { useEffect, useState } from 'react';
import { draftStore } from './draft-store';
import { loadDrafts, type WorkOrderDraft } from './work-order-drafts';

/** The user's waiting drafts of order steps, kept up to date as drafts are kept, sent or discarded. */
export function useWorkOrderDrafts(userId: string): WorkOrderDraft[] {
  const [drafts, setDrafts] = useState<WorkOrderDraft[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void loadDrafts(userId).then(
        (found) => {
          if (live) setDrafts(found);
        },
        // Without IndexedDB there are no drafts to show.
        () => undefined,
      );
    load();
    const unsubscribe = draftStore.subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [userId]);
  return drafts;
}
