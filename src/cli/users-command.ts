import type { Command } from 'commander';
import { isRoleName, ROLE_NAMES } from '../server/auth/permissions.js';
import { generatePassword } from '../server/credentials-file.js';
import { UsersService, usersRepository } from '../server/modules/users/index.js';
import type { ServiceContext } from '../server/services.js';
import { CLI_ACTOR, systemScope, withDatabase } from './context.js';
import { cliLanguage } from './language.js';

async function userIdOf(ctx: ServiceContext, username: string): Promise<string> {
  const user = await usersRepository.findByUsername(ctx.database.db, username.toLowerCase());
  if (!user) throw new Error(`No user named ${username}`);
  return user.id;
}

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('manage accounts from the server console');

  users
    .command('list')
    .description('list accounts with their roles')
    .action(() =>
      withDatabase(async (ctx, database) => {
        const list = await new UsersService(ctx).list(await systemScope(database), { limit: 200 });
        const zh = cliLanguage() === 'zh';
        // Role codes stay as they are: they are what `users create --role` takes.
        const statusText = (status: string) =>
          zh ? ({ active: '正常', disabled: '已停用' }[status] ?? status) : status;
        for (const { user, roles } of list) {
          const roleText = roles.map((r) => `${r.role}@${r.region_code}`).join(', ') || '-';
          process.stdout.write(
            `${user.username}\t${user.display_name}\t${statusText(user.status)}\t${roleText}\n`,
          );
        }
      }),
    );

  users
    .command('create <username>')
    .description('create an account; prints a generated password unless --password is given')
    .requiredOption('--name <displayName>', 'the name shown in the interface')
    .option('--role <role>', `one of: ${ROLE_NAMES.join(', ')}`)
    .option('--region <code>', 'the region the role (and account) belongs to')
    .option('--password <password>', 'the password (otherwise one is generated)')
    .action(
      (username: string, options: { name: string; role?: string; region?: string; password?: string }) =>
        withDatabase(async (ctx, database) => {
          if (options.role && !isRoleName(options.role)) throw new Error(`Unknown role ${options.role}`);
          const scope = await systemScope(database);
          const service = new UsersService(ctx);
          const password = options.password ?? generatePassword();
          const created = await service.create(
            scope,
            // Whoever runs the console chose or was shown the password: its owner replaces it.
            {
              username,
              password,
              displayName: options.name,
              regionCode: options.region,
              mustChangePassword: true,
            },
            CLI_ACTOR,
          );
          if (options.role && isRoleName(options.role)) {
            await service.assignRole(
              scope,
              created.user.id,
              { role: options.role, regionCode: options.region ?? created.user.region_code },
              CLI_ACTOR,
            );
          }
          process.stdout.write(`${created.user.username}\t${options.password ? '(as given)' : password}\n`);
        }),
    );

  users
    .command('reset-password <username>')
    .description('set a new password (generated unless --password is given) and end all sessions')
    .option('--password <password>')
    .action((username: string, options: { password?: string }) =>
      withDatabase(async (ctx, database) => {
        const password = options.password ?? generatePassword();
        await new UsersService(ctx).resetPassword(
          await systemScope(database),
          await userIdOf(ctx, username),
          password,
          CLI_ACTOR,
        );
        process.stdout.write(`${username}\t${options.password ? '(as given)' : password}\n`);
      }),
    );

  for (const [name, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(`${name} an account${status === 'disabled' ? ' and end its sessions' : ''}`)
      .action((username: string) =>
        withDatabase(async (ctx, database) => {
          await new UsersService(ctx).update(
            await systemScope(database),
            await userIdOf(ctx, username),
            { status },
            CLI_ACTOR,
          );
          process.stdout.write(`${username}\t${status}\n`);
        }),
      );
  }

  users
    .command('end-sessions <username>')
    .description('log a user out everywhere')
    .action((username: string) =>
      withDatabase(async (ctx, database) => {
        const ended = await new UsersService(ctx).endSessions(
          await systemScope(database),
          await userIdOf(ctx, username),
          CLI_ACTOR,
        );
        process.stdout.write(`${username}\t${ended} sessions ended\n`);
      }),
    );
}
