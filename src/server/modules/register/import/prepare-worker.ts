import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { FieldKeys } from '../../../crypto/field-crypto.js';
import type { Region } from '../../../db/tables.js';
import type { PrepareContext, PrepareEvent } from './resident-prepare.js';
import type { SpreadsheetFormat } from './row-source.js';
import { type SpreadsheetLimits, SpreadsheetRefused } from './spreadsheet-limits.js';

export type FromPrepareThread =
  | { kind: 'event'; event: PrepareEvent }
  | { kind: 'buildings'; gridCode: string }
  | { kind: 'done' }
  | {
      kind: 'failed';
      message: string;
      refusal?: { code: SpreadsheetRefused['code']; params: SpreadsheetRefused['params'] };
    };

export type ToPrepareThread = { kind: 'buildings'; gridCode: string; buildings: Region[] } | { kind: 'ack' };

export type PrepareThreadInput =
  | {
      role: 'check';
      file: string;
      format: SpreadsheetFormat;
      grids: readonly Region[];
      tags: [string, string][];
      batchSize: number;
      limits: SpreadsheetLimits;
      /** Batches posted ahead of acknowledgements, at most. */
      ahead: number;
      /** To the protecting thread. */
      output: MessagePort;
    }
  | { role: 'protect'; keys: FieldKeys; ahead: number; input: MessagePort };

const ENTRY = new URL('./prepare-worker.thread.mjs', import.meta.url);
/** The entry registers tsx itself; inheriting the parent's loader flags would register it twice. */
const EXEC_ARGV: string[] = [];
const AHEAD = 4;
/**
 * Rows a message: small batches keep few rows alive in the importing thread at any time, so its
 * garbage dies young instead of growing the old generation. Peak memory of a million-row import
 * (with the limits below): 1,000 rows ~510 MB, 250 ~415 MB, 100 ~365 MB, at about the same CPU.
 */
const BATCH = 100;

/**
 * `prepareResidents` on two worker threads, a pipeline: one reads and checks the file, the next
 * protects the rows (pinyin, encryption, blind indexes, row hash), and the importing thread
 * writes. The three stages cost about the same per row, so on two cores they keep both busy.
 * Events arrive in the order and with the content `prepareResidents` gives; the checking
 * thread's building look-ups are answered here, from the import's transaction.
 */
export async function* prepareInWorker(
  file: string,
  format: SpreadsheetFormat,
  context: PrepareContext,
  limits: SpreadsheetLimits,
  batchSize = BATCH,
): AsyncGenerator<PrepareEvent> {
  const channel = new MessageChannel();
  const checker = new Worker(ENTRY, {
    workerData: {
      role: 'check',
      file,
      format,
      grids: context.grids,
      tags: [...context.tags],
      batchSize,
      limits,
      ahead: AHEAD,
      output: channel.port1,
    } satisfies PrepareThreadInput,
    transferList: [channel.port1],
    execArgv: EXEC_ARGV,
    // A small young generation: the stages make short-lived garbage fast, and each isolate's
    // heap counts towards the import's memory (the old generation may grow: shared strings).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const protector = new Worker(ENTRY, {
    workerData: {
      role: 'protect',
      keys: context.crypto.keys(),
      ahead: AHEAD,
      input: channel.port2,
    } satisfies PrepareThreadInput,
    transferList: [channel.port2],
    execArgv: EXEC_ARGV,
    // Holds little beyond pinyin-pro's dictionaries and small caches.
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 },
  });

  const queue: FromPrepareThread[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let finished = false;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error) => {
    failure ??= error;
    notify();
  };
  checker.on('message', (message: FromPrepareThread) => {
    if (message.kind !== 'buildings') return;
    context.loadBuildings(message.gridCode).then(
      (buildings) =>
        checker.postMessage({
          kind: 'buildings',
          gridCode: message.gridCode,
          buildings,
        } satisfies ToPrepareThread),
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
  protector.on('message', (message: FromPrepareThread) => {
    queue.push(message);
    notify();
  });
  for (const worker of [checker, protector]) {
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!finished && code !== 0)
        fail(new Error(`an import preparation thread stopped (exit code ${code})`));
    });
  }
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = queue.shift()!;
      if (message.kind === 'done') return;
      if (message.kind === 'failed')
        throw message.refusal
          ? new SpreadsheetRefused(message.refusal.code, message.refusal.params)
          : new Error(message.message);
      if (message.kind === 'event') {
        yield message.event;
        protector.postMessage({ kind: 'ack' } satisfies ToPrepareThread);
      }
    }
  } finally {
    finished = true;
    await Promise.all([checker.terminate(), protector.terminate()]);
  }
}
