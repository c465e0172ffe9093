import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  /** The server's data folder: a `lianxin` command run with LIANXIN_DATA_DIR set to it works on the same database. */
  dataDir: string;
  /** Everything the server printed, for failure reports. */
  output: () => string;
  /**
   * Stops the server and starts it again on the same port and data folder, as an operator's
   * restart does: sessions, data and browser pages carry on; the scheduler's start runs run again.
   */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within 90 s:\n${output()}`);
}

/**
 * Starts the real server (`lianxin start --no-build`) on a free port with a fresh SQLite data
 * folder; the first start imports the region tree of 平房区 and creates `admin` with a known password
 * (and, with `demo`, builds the small demo district as a newcomer's first start does).
 */
export async function startServer(options: { demo?: boolean } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-'));
  const port = await freePort();
  const adminPassword = 'E2e-Admin-Pass-2026';
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const launch = () => {
    const started = spawn(process.execPath, [path.join(repoRoot, 'bin/lianxin.mjs'), 'start', '--no-build'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LIANXIN_DATA_DIR: dataDir,
        LIANXIN_ADMIN_PASSWORD: adminPassword,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        // The browser tests build their own fixtures on an empty district, except the demo's own.
        LIANXIN_DEMO: options.demo ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    started.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    return started;
  };
  let child = launch();
  const output = () => log;

  const halt = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    }
  };
  const stop = async () => {
    await halt();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const restart = async () => {
    await halt();
    child = launch();
    try {
      await waitForHealth(baseUrl, child, output);
    } catch (error) {
      await stop();
      throw error;
    }
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminPassword, dataDir, output, restart, stop };
}

/** The demo's staff accounts, one per role, as `lianxin demo` writes them. */
export const DEMO_STAFF_ROLES = [
  'district_admin',
  'street_secretary',
  'community_secretary',
  'grid_worker',
  'hotline_operator',
  'member',
  'auditor',
  'guarantee_officer',
  'bank_officer',
] as const;

/** username → password (or `phone:…` for the resident), from the server's initial-credentials.txt. */
export function demoCredentials(server: RunningServer): Map<string, string> {
  const lines = fs
    .readFileSync(path.join(server.dataDir, 'initial-credentials.txt'), 'utf8')
    .trim()
    .split('\n');
  return new Map(lines.map((line) => line.split('\t') as [string, string]));
}
