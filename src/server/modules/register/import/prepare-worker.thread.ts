import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { FieldCrypto } from '../../../crypto/field-crypto.js';
import type { Region } from '../../../db/tables.js';
import type { FromPrepareThread, PrepareThreadInput, ToPrepareThread } from './prepare-worker.js';
import { checkResidents, RowProtector } from './resident-prepare.js';
import { SpreadsheetRefused } from './spreadsheet-limits.js';

/** One of the two preparation threads of a large import (see prepare-worker.ts). */

/** Counts batches posted and not yet acknowledged; waits while `ahead` are in flight. */
class Credit {
  private inFlight = 0;
  private wake: (() => void) | undefined;

  constructor(private readonly ahead: number) {}

  async take(): Promise<void> {
    while (this.inFlight >= this.ahead) await new Promise<void>((resolve) => (this.wake = resolve));
    this.inFlight += 1;
  }

  give(): void {
    this.inFlight -= 1;
    this.wake?.();
    this.wake = undefined;
  }
}

const failed = (error: unknown): FromPrepareThread => ({
  kind: 'failed',
  message: error instanceof Error ? error.message : String(error),
  // A refused file is the user's to hear about, in their words: its code crosses the thread.
  ...(error instanceof SpreadsheetRefused ? { refusal: { code: error.code, params: error.params } } : {}),
});

/** Reads and checks the file; events go to the protecting thread, building look-ups to the parent. */
async function check(input: Extract<PrepareThreadInput, { role: 'check' }>, parent: MessagePort) {
  const output = input.output;
  const credit = new Credit(input.ahead);
  const buildingRequests = new Map<string, (buildings: Region[]) => void>();
  parent.on('message', (message: ToPrepareThread) => {
    if (message.kind !== 'buildings') return;
    buildingRequests.get(message.gridCode)?.(message.buildings);
    buildingRequests.delete(message.gridCode);
  });
  output.on('message', (message: ToPrepareThread) => {
    if (message.kind === 'ack') credit.give();
  });
  try {
    const events = checkResidents(
      input.file,
      input.format,
      {
        grids: input.grids,
        tags: new Map(input.tags),
        loadBuildings: (gridCode) =>
          new Promise<Region[]>((resolve) => {
            buildingRequests.set(gridCode, resolve);
            parent.postMessage({ kind: 'buildings', gridCode } satisfies FromPrepareThread);
          }),
      },
      input.batchSize,
      input.limits,
    );
    for await (const event of events) {
      // Stay a few batches ahead, no more: rows waiting to be written are memory.
      await credit.take();
      output.postMessage({ kind: 'event', event } satisfies FromPrepareThread);
    }
    output.postMessage({ kind: 'done' } satisfies FromPrepareThread);
  } catch (error) {
    output.postMessage(failed(error));
  }
  output.close();
  parent.removeAllListeners('message');
}

/** Protects the checked rows and passes every event on to the importing thread, in order. */
function protect(input: Extract<PrepareThreadInput, { role: 'protect' }>, parent: MessagePort) {
  const protector = new RowProtector(new FieldCrypto(input.keys));
  const credit = new Credit(input.ahead);
  const queue: FromPrepareThread[] = [];
  let wake: (() => void) | undefined;
  input.input.on('message', (message: FromPrepareThread) => {
    queue.push(message);
    wake?.();
    wake = undefined;
  });
  parent.on('message', (message: ToPrepareThread) => {
    if (message.kind === 'ack') credit.give();
  });
  void (async () => {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift()!;
      if (message.kind !== 'event') {
        parent.postMessage(message);
        break;
      }
      const { event } = message;
      let out: FromPrepareThread;
      try {
        out = {
          kind: 'event',
          event: event.kind === 'rows' ? { ...event, values: protector.protect(event.values) } : event,
        };
      } catch (error) {
        parent.postMessage(failed(error));
        break;
      }
      await credit.take();
      parent.postMessage(out);
      input.input.postMessage({ kind: 'ack' } satisfies ToPrepareThread);
    }
    input.input.close();
    parent.removeAllListeners('message');
  })();
}

const input = workerData as PrepareThreadInput;
if (input.role === 'check') void check(input, parentPort!);
else protect(input, parentPort!);
