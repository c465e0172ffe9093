import { parentPort, workerData } from 'node:worker_threads';
import { FieldCrypto, type FieldKeys } from '../../../crypto/field-crypto.js';
import type { Region } from '../../../db/tables.js';
import type { FromPrepareThread, ToPrepareThread } from './prepare-worker.js';
import { prepareResidents } from './resident-prepare.js';
import type { SpreadsheetFormat } from './row-source.js';

/** The preparation thread: runs `prepareResidents` and posts its events to the importing thread. */
const input = workerData as {
  file: string;
  format: SpreadsheetFormat;
  grids: Region[];
  tags: [string, string][];
  keys: FieldKeys;
  batchSize: number;
  /** Batches posted ahead of the importing thread's acknowledgements, at most. */
  ahead: number;
};
const port = parentPort!;
const post = (message: FromPrepareThread) => port.postMessage(message);

const buildingRequests = new Map<string, (buildings: Region[]) => void>();
let unacknowledged = 0;
let onAcknowledged: (() => void) | undefined;
port.on('message', (message: ToPrepareThread) => {
  if (message.kind === 'buildings') {
    buildingRequests.get(message.gridCode)?.(message.buildings);
    buildingRequests.delete(message.gridCode);
  } else {
    unacknowledged -= 1;
    onAcknowledged?.();
    onAcknowledged = undefined;
  }
});

try {
  const events = prepareResidents(
    input.file,
    input.format,
    {
      grids: input.grids,
      tags: new Map(input.tags),
      crypto: new FieldCrypto(input.keys),
      loadBuildings: (gridCode) =>
        new Promise<Region[]>((resolve) => {
          buildingRequests.set(gridCode, resolve);
          post({ kind: 'buildings', gridCode });
        }),
    },
    input.batchSize,
  );
  for await (const event of events) {
    // Stay a few batches ahead, no more: rows waiting to be written are memory.
    while (unacknowledged >= input.ahead) await new Promise<void>((resolve) => (onAcknowledged = resolve));
    unacknowledged += 1;
    post({ kind: 'event', event });
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
