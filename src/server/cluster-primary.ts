import cluster, { type Worker } from 'node:cluster';

/** A worker that dies sooner than this after its start is restarted after a growing pause. */
const STEADY_MS = 10_000;
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;
/** On SIGTERM/SIGINT the workers finish their requests; those still alive after this are killed. */
const STOP_GRACE_MS = 15_000;

const say = (line: string) => process.stdout.write(`  [lianxin primary ${process.pid}] ${line}\n`);

/**
 * The primary of `lianxin start --workers N`: forks N server processes that share the port (node's
 * cluster module hands connections to them in turn), restarts one that dies, and stops them all on
 * SIGTERM or SIGINT (each finishes what it is doing, as a single server does). The database was
 * prepared before (main.ts prepareDatabase); the workers run `startServer(config, { worker: true })`.
 * Resolves when every worker has stopped after a signal.
 */
export function runPrimary(workers: number): Promise<void> {
  let stopping = false;
  const startedAt = new Map<number, number>();
  let pauseMs = FIRST_PAUSE_MS;

  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  return new Promise<void>((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
      startedAt.delete(worker.id);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve();
        return;
      }
      // A worker that keeps dying at start (a bad port, the database down) is not restarted in a
      // tight loop: the pause doubles up to half a minute and is reset by a worker that lived.
      pauseMs = lived >= STEADY_MS ? FIRST_PAUSE_MS : Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
      const wait = lived >= STEADY_MS ? 0 : pauseMs;
      say(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); restarting in ${wait} ms`);
      setTimeout(() => {
        if (!stopping) say(`worker ${fork().process.pid} started`);
      }, wait);
    });

    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (alive.length === 0) resolve();
      for (const worker of alive) worker.process.kill('SIGTERM');
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      }, STOP_GRACE_MS).unref();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    // Started is not serving: the operator (and the restart test) learn when a worker takes requests.
    cluster.on('listening', (worker) => say(`worker ${worker.process.pid} listening`));

    for (let i = 0; i < workers; i++) say(`worker ${fork().process.pid} started`);
  });
}
