import cluster from 'node:cluster';
import type { Command } from 'commander';
import { type Config, MAX_WORKERS } from '../server/config.js';
import { readConfig } from './context.js';
import { cliLanguage } from './language.js';
import { buildWebIfStale } from './web-build.js';

/** A refused --workers / LIANXIN_WORKERS, said in the operator's language. */
export class WorkersError extends Error {}

/**
 * How many server processes to run: `--workers N` or else LIANXIN_WORKERS (already checked by
 * the config). More than one needs PostgreSQL: SQLite has one writer, and its group commit and
 * checkpointer live in the one process that holds the file.
 */
export function resolveWorkers(option: string | undefined, config: Config, env = process.env): number {
  const zh = cliLanguage(env) === 'zh';
  const source = option === undefined ? 'LIANXIN_WORKERS' : '--workers';
  let workers = config.workers;
  if (option !== undefined) {
    workers = /^\d+$/.test(option.trim()) ? Number(option.trim()) : Number.NaN;
    if (!Number.isSafeInteger(workers) || workers < 1)
      throw new WorkersError(
        zh
          ? `--workers ${option}：进程数必须是不小于 1 的整数`
          : `--workers ${option}: the number of processes must be a whole number, 1 or more`,
      );
    if (workers > MAX_WORKERS)
      throw new WorkersError(
        zh
          ? `--workers ${option}：最多 ${MAX_WORKERS} 个进程`
          : `--workers ${option}: at most ${MAX_WORKERS} processes`,
      );
  }
  if (workers > 1 && !config.databaseUrl)
    throw new WorkersError(
      zh
        ? `${source} ${workers}：SQLite 数据库只允许一个写入进程，不能运行多个服务进程；多个进程需要 PostgreSQL（设置 DATABASE_URL），或去掉 ${source}`
        : `${source} ${workers}: an SQLite database allows one writing process, so several server processes cannot share it; use PostgreSQL (set DATABASE_URL) for several, or leave out ${source}`,
    );
  return workers;
}

/** Stops the server on SIGINT/SIGTERM: requests in flight and running imports finish first. */
function stopOnSignal(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('build the web app if needed, set up the database on first start, and serve')
    .option('--no-build', 'serve without checking the web build')
    .option(
      '--workers <n>',
      'server processes sharing the port, on PostgreSQL only (default: LIANXIN_WORKERS, else 1)',
    )
    .action(async (options: { build: boolean; workers?: string }) => {
      const config = readConfig();
      const { prepareDatabase, startServer } = await import('../server/main.js');
      // A worker forked by the primary below: it serves; the primary checked and prepared everything.
      if (cluster.isWorker) {
        stopOnSignal(await startServer(config, { worker: true }));
        return;
      }
      const workers = resolveWorkers(options.workers, config);
      if (options.build) buildWebIfStale();
      if (workers === 1) {
        stopOnSignal(await startServer(config));
        return;
      }
      await prepareDatabase(config);
      const { runPrimary } = await import('../server/cluster-primary.js');
      await runPrimary(workers);
      process.exit(0);
    });
}
