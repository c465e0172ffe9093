import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the write-ahead log back into the database file from a worker thread, so that the
 * server's thread never waits for it.
 *
 * Left to itself, SQLite does this inside the commit that brings the log past 1,000 pages: that
 * commit copies the pages and waits for two fsyncs. With every intake writing some 30 pages, one
 * commit in 30 took 5-100 ms instead of 0.1 ms, most of all commit time, and every request queued
 * behind it waited as long. Here a second connection, in its own thread, runs a PASSIVE checkpoint
 * every `intervalMs`: it never blocks the server's reads or writes (SQLite lets a checkpoint run
 * beside them). The log can only restart from its beginning once everything in it was copied
 * while nobody wrote; the server's own connection keeps a (larger) automatic checkpoint for that,
 * which then finds little left to copy.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

/** Plain CommonJS, so the worker needs no TypeScript loader. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let stopped = false;
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  if (stopped) return;
  stopped = true;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

export function startCheckpointer(
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: driverPath, intervalMs: options.intervalMs ?? 100 },
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  worker.on('error', (error) => options.onError?.(String(error)));
  // The server may stop while the worker still runs: it must not keep the process alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Held again while it closes, or a process with nothing else to do would exit before it.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
