import { z } from 'zod';
import { actionBody } from '../../shared/api/work-orders';
import type { WorkOrderAction } from '../../shared/work-orders';
import { ApiError, NetworkError } from '../api/client';
import { actOnWorkOrder, uploadAttachment, type WorkOrder } from '../api/work-orders';
import { draftStore } from './draft-store';

/**
 * A resolution or a note typed on an order, with its photos, waiting to be sent (issue 16). The
 * draft is kept before the first try, so nothing typed is lost when the network fails or the
 * page closes; it carries the idempotency keys made when it was typed — one for the step, one
 * per photo — so every resend answers the first result and the server writes it once. A photo
 * once stored is remembered (`attachmentId`) and not sent again. One draft per order and step.
 */
const KIND = 'work-order-step';

export const DRAFTABLE_ACTIONS = ['resolve', 'comment'] as const;
export type DraftableAction = (typeof DRAFTABLE_ACTIONS)[number];
export const isDraftable = (action: WorkOrderAction): action is DraftableAction =>
  (DRAFTABLE_ACTIONS as readonly WorkOrderAction[]).includes(action);

const draftPhotoSchema = z.object({
  key: z.uuid(),
  name: z.string(),
  blob: z.instanceof(Blob),
  attachmentId: z.string().optional(),
});

const workOrderDraftSchema = z.object({
  id: z.string(),
  kind: z.literal(KIND),
  /** Whose: a draft is sent only under the session of the user who typed it. */
  userId: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  action: z.enum(DRAFTABLE_ACTIONS),
  /** The step as typed (note, the version seen); the photos' ids are added when they are stored. */
  body: actionBody,
  key: z.uuid(),
  photos: z.array(draftPhotoSchema),
  savedAt: z.string(),
  /** Refused for good when sent later (the order moved on): kept for the user to read and discard. */
  refused: z.object({ code: z.string(), message: z.string() }).optional(),
});

export type DraftPhoto = z.infer<typeof draftPhotoSchema>;
export type WorkOrderDraft = z.infer<typeof workOrderDraftSchema>;

export const draftIdOf = (orderId: string, action: DraftableAction) => `${orderId}:${action}`;

/** A new draft of a step, with fresh idempotency keys. */
export function newDraft(input: {
  userId: string;
  order: Pick<WorkOrder, 'id' | 'number'>;
  action: DraftableAction;
  body: z.input<typeof actionBody>;
  photos: DraftPhoto[];
}): WorkOrderDraft {
  return {
    id: draftIdOf(input.order.id, input.action),
    kind: KIND,
    userId: input.userId,
    orderId: input.order.id,
    orderNumber: input.order.number,
    action: input.action,
    body: actionBody.parse(input.body),
    key: crypto.randomUUID(),
    photos: input.photos,
    savedAt: new Date().toISOString(),
  };
}

/** The user's drafts, oldest first (sent in the order they were typed). */
export async function loadDrafts(userId: string): Promise<WorkOrderDraft[]> {
  const rows = await draftStore.all(KIND);
  return rows
    .flatMap((row) => {
      const parsed = workOrderDraftSchema.safeParse(row);
      return parsed.success && parsed.data.userId === userId ? [parsed.data] : [];
    })
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export const discardDraft = (id: string): Promise<void> => draftStore.remove(id);

/**
 * Worth trying again later: no answer at all, an ended session (sent after signing in again), a
 * server that is busy or failing. Anything else is the server's considered no.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof ApiError)) return false;
  return (
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429 ||
    error.status >= 500 ||
    error.code === 'auth.password_change_required'
  );
}

/** Sends the photos not yet stored, then the step; the draft leaves the store once the step is taken. */
async function send(draft: WorkOrderDraft): Promise<WorkOrder> {
  let current = draft;
  for (const photo of draft.photos) {
    if (photo.attachmentId) continue;
    const attachment = await uploadAttachment(draft.orderId, photo.blob, {
      fileName: photo.name,
      idempotencyKey: photo.key,
    });
    current = {
      ...current,
      photos: current.photos.map((p) => (p.key === photo.key ? { ...p, attachmentId: attachment.id } : p)),
    };
    // Unless it was discarded meanwhile, the draft remembers the stored photo.
    if ((await draftStore.get(draft.id)) !== undefined) await draftStore.put(current);
  }
  const attachmentIds = current.photos.flatMap((p) => (p.attachmentId ? [p.attachmentId] : []));
  const order = await actOnWorkOrder(
    draft.orderId,
    attachmentIds.length > 0 ? { ...draft.body, attachmentIds } : draft.body,
    draft.key,
  );
  await draftStore.remove(draft.id);
  return order;
}

/**
 * Sends a step from its dialog: kept as a draft first, then sent. Answers the order when it was
 * taken, or `kept` when the network (or the session) failed and the draft waits. The server's
 * refusal throws for the dialog to show, and leaves no draft: the dialog still holds the text.
 */
export async function submitStep(draft: WorkOrderDraft): Promise<{ sent: WorkOrder } | 'kept'> {
  const kept = await draftStore.put(draft).then(
    () => true,
    () => false,
  );
  if (!navigator.onLine) {
    // Nowhere to keep it (storage refused): the dialog stays open with what was typed.
    if (!kept) throw new NetworkError();
    return 'kept';
  }
  try {
    return { sent: await send(draft) };
  } catch (error) {
    if (isTransient(error) && kept) return 'kept';
    await draftStore.remove(draft.id).catch(() => undefined);
    throw error;
  }
}

/** Tries one waiting draft: 'sent', 'kept' (still no network) or 'refused' (marked, kept to read). */
async function trySend(draft: WorkOrderDraft): Promise<'sent' | 'kept' | 'refused'> {
  try {
    await send(draft);
    return 'sent';
  } catch (error) {
    if (isTransient(error)) return 'kept';
    const refused =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'unknown', message: error instanceof Error ? error.message : String(error) };
    await draftStore.put({ ...draft, refused });
    return 'refused';
  }
}

/** Sends a draft now, even one refused before (the user asks again): what became of it. */
export function sendDraftNow(draft: WorkOrderDraft): Promise<'sent' | 'kept' | 'refused'> {
  const { refused: _, ...fresh } = draft;
  return trySend(fresh);
}

let flushing: Promise<number> | null = null;

async function sendAll(userId: string): Promise<number> {
  let sent = 0;
  for (const draft of await loadDrafts(userId)) {
    if (draft.refused) continue;
    const outcome = await trySend(draft);
    if (outcome === 'sent') sent += 1;
    // Still no network: the others would fail the same way.
    if (outcome === 'kept') break;
  }
  return sent;
}

/** Sends every waiting draft of the user, one at a time; answers how many went. One flush at a time. */
export function flushDrafts(userId: string): Promise<number> {
  if (!flushing) {
    flushing = sendAll(userId).finally(() => {
      flushing = null;
    });
  }
  return flushing;
}
