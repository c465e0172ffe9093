import { appendInitialCredentials } from '../credentials-file.js';
import type { ServiceContext } from '../services.js';
import { buildDemo, type DemoReport } from './demo-district.js';
import { demoProgressBar } from './demo-progress.js';

/** The small demo district, its accounts appended to data/initial-credentials.txt. */
export async function buildFirstStartDemo(ctx: ServiceContext): Promise<DemoReport> {
  process.stdout.write('  正在生成演示区 / building the demo district…\n');
  const bar = demoProgressBar(process.stdout);
  try {
    const report = await buildDemo(ctx, { scale: 'small', seed: 2013, onProgress: bar.update });
    appendDemoCredentials(ctx.config.dataDir, report);
    return report;
  } finally {
    bar.stop();
  }
}

/**
 * `username<TAB>password` per account; the resident signs in with a one-time code sent to their
 * phone, so their line carries `phone:<number>` instead of a password.
 */
export function appendDemoCredentials(dataDir: string, report: DemoReport): string {
  return appendInitialCredentials(
    dataDir,
    report.accounts.map((a) => ({ username: a.username, password: a.password })),
  );
}

/** The lines printed once, on the console, after a demo build. */
export function describeDemo(report: DemoReport, credentialsFile: string): string {
  return (
    `  演示区已生成 / demo built (${report.scale}, ${report.districts.join(' ')}) in ${report.seconds} s: ` +
    `${report.persons} residents, ${report.households} households, ${report.organizations} organizations, ` +
    `${report.members} members, ${report.workOrders} work orders\n` +
    report.accounts
      .map((a) => `  ${a.username.padEnd(20)} ${a.password.padEnd(20)} (${a.role} @ ${a.regionCode})\n`)
      .join('') +
    '  居民用上面的手机号和短信验证码登录居民端（/m）；未配置短信网关时，验证码打印在服务器控制台。\n' +
    '  The resident signs in to the portal (/m) with the phone number above and a one-time code;\n' +
    '  without an SMS gateway the code is printed on the server console.\n' +
    `  (also in ${credentialsFile}, mode 0600)\n\n`
  );
}
