import type { Command } from 'commander';
import { Open311KeysService } from '../server/modules/open311/index.js';
import { CLI_ACTOR, systemScope, withDatabase } from './context.js';

/** `lianxin open311 keys create|list|revoke`: Open311 API keys from the server console. */
export function registerOpen311Command(program: Command): void {
  const keys = program
    .command('open311')
    .description('Open311 GeoReport v2 interface')
    .command('keys')
    .description('API keys that let other systems POST service requests');

  keys
    .command('create')
    .description('issue a key for a unit; the key is printed once, alone on the last line')
    .requiredOption('--name <name>', 'who the key is for (an app, a partner system)')
    .option('--region <code>', 'the unit whose orders the requests become (default: the district)')
    .action((options: { name: string; region?: string }) =>
      withDatabase(async (ctx, database) => {
        const name = options.name.trim();
        if (name.length < 1 || name.length > 100) throw new Error('--name must have 1 to 100 characters');
        const created = await new Open311KeysService(ctx).create(
          await systemScope(database),
          { name, regionCode: options.region ?? ctx.config.districtCode },
          CLI_ACTOR,
        );
        const { view } = created;
        process.stdout.write(
          `${view.id}\t${view.name}\t${view.region_code} ${view.region_name}\t(shown once, keep it secret:)\n${created.key}\n`,
        );
      }),
    );

  keys
    .command('list')
    .description('list keys: id, prefix, name, unit, created, status')
    .action(() =>
      withDatabase(async (ctx, database) => {
        for (const key of await new Open311KeysService(ctx).list(await systemScope(database))) {
          const status = key.revoked_at ? `revoked ${key.revoked_at}` : 'active';
          process.stdout.write(
            `${key.id}\t${key.key_prefix}…\t${key.name}\t${key.region_code} ${key.region_name}\t${key.created_at}\t${status}\n`,
          );
        }
      }),
    );

  keys
    .command('revoke <id>')
    .description('revoke a key (by its id or its prefix): requests POSTed with it are refused from now on')
    .action((idOrPrefix: string) =>
      withDatabase(async (ctx, database) => {
        const service = new Open311KeysService(ctx);
        const scope = await systemScope(database);
        const matches = (await service.list(scope)).filter(
          (key) => key.id === idOrPrefix || key.key_prefix === idOrPrefix.replace(/…$/, ''),
        );
        if (matches.length !== 1)
          throw new Error(
            matches.length === 0 ? `No key ${idOrPrefix}` : `${idOrPrefix} names several keys; use the id`,
          );
        const revoked = await service.revoke(scope, matches[0]!.id, CLI_ACTOR);
        process.stdout.write(`${revoked.id}\t${revoked.name}\trevoked ${revoked.revoked_at}\n`);
      }),
    );
}
