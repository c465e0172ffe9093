import { appendInitialCredentials } from '../credentials-file.js';
import type { ServiceContext } from '../services.js';
import { buildDemo, type DemoReport } from './demo-district.js';

/** The small demo district, its accounts appended to data/initial-credentials.txt. */
export async function buildFirstStartDemo(ctx: ServiceContext): Promise<DemoReport> {
  process.stdout.write('  正在生成演示区 / building the demo district…\n');
  const report = await buildDemo(ctx, {
    scale: 'small',
    seed: 2013,
    onStep: (step) => process.stdout.write(`    · ${step}\n`),
  });
  appendInitialCredentials(
    ctx.config.dataDir,
    report.accounts.map((a) => ({ username: a.username, password: a.password })),
  );
  return report;
}
