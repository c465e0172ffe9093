import { Worker } from 'node:worker_threads';
import type { Region } from '../../../db/tables.js';
import type { PrepareContext, PrepareEvent } from './resident-prepare.js';
import type { SpreadsheetFormat } from './row-source.js';

export type FromPrepareThread =
  | { kind: 'event'; event: PrepareEvent }
  | { kind: 'buildings'; gridCode: string }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

export type ToPrepareThread = { kind: 'buildings'; gridCode: string; buildings: Region[] } | { kind: 'ack' };

const ENTRY = new URL('./prepare-worker.thread.mjs', import.meta.url);

/**
 * `prepareResidents` on a worker thread: reading, checking, pinyin and encryption take one core
 * while the importing thread writes on the other. The events arrive in the same order and with
 * the same content as from `prepareResidents` itself; building look-ups are answered here.
 */
export async function* prepareInWorker(
  file: string,
  format: SpreadsheetFormat,
  context: PrepareContext,
  batchSize = 1000,
): AsyncGenerator<PrepareEvent> {
  const worker = new Worker(ENTRY, {
    workerData: {
      file,
      format,
      grids: context.grids,
      tags: [...context.tags],
      keys: context.crypto.keys(),
      batchSize,
      ahead: 4,
    },
  });
  const queue: FromPrepareThread[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const push = (message: FromPrepareThread) => {
    queue.push(message);
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: FromPrepareThread) => {
    if (message.kind !== 'buildings') return push(message);
    context.loadBuildings(message.gridCode).then(
      (buildings) =>
        worker.postMessage({ kind: 'buildings', gridCode: message.gridCode, buildings } as ToPrepareThread),
      (error: unknown) =>
        push({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the import's preparation thread stopped (exit code ${code})`);
    push({ kind: 'failed', message: failure?.message ?? 'the import preparation thread ended early' });
  });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = queue.shift()!;
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw failure ?? new Error(message.message);
      if (message.kind === 'event') {
        yield message.event;
        worker.postMessage({ kind: 'ack' } as ToPrepareThread);
      }
    }
  } finally {
    await worker.terminate();
  }
}
