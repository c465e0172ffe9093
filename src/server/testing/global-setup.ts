import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { citusAdminUrl } from './citus-database.js';
import { postgresAdminUrl } from './postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dialects: ('sqlite' | 'postgres')[];
  }
}

/** The server the postgres suites use: the Citus coordinator when LIANXIN_CITUS_URL is set. */
const serverUrl = (): string => citusAdminUrl() ?? postgresAdminUrl();

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    if (citusAdminUrl()) {
      const nodes = await client.query('select count(*)::int as n from pg_dist_node where groupid <> 0');
      if (!(nodes.rows[0]?.n > 0)) return 'the coordinator has no workers';
    }
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Decides once per run which dialects the integration suites run on. Under CI both are required:
 * a PostgreSQL that cannot be reached fails the run instead of quietly skipping half the tests.
 */
export default async function setup(project: TestProject): Promise<void> {
  const problem = await postgresReachable();
  const dialects: ('sqlite' | 'postgres')[] = problem ? ['sqlite'] : ['sqlite', 'postgres'];
  if (problem) {
    const what = citusAdminUrl() ? 'The Citus cluster (LIANXIN_CITUS_URL)' : 'PostgreSQL';
    const message = `${what} at ${serverUrl()} is not reachable (${problem}).`;
    if (process.env.CI === 'true') throw new Error(`${message} CI requires the PostgreSQL suites.`);
    process.stderr.write(
      `\n${'!'.repeat(78)}\n!! SKIPPING every PostgreSQL suite: ${message}\n!! Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${'!'.repeat(78)}\n\n`,
    );
  }
  project.provide('dialects', dialects);
}
