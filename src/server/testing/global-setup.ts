import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { postgresAdminUrl } from './postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dialects: ('sqlite' | 'postgres')[];
  }
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresAdminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
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
    const message = `PostgreSQL at ${postgresAdminUrl()} is not reachable (${problem}).`;
    if (process.env.CI === 'true') throw new Error(`${message} CI requires the PostgreSQL suites.`);
    process.stderr.write(
      `\n${'!'.repeat(78)}\n!! SKIPPING every PostgreSQL suite: ${message}\n!! Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${'!'.repeat(78)}\n\n`,
    );
  }
  project.provide('dialects', dialects);
}
