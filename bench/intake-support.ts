import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import { UsersService } from '../src/server/modules/users/users.service.js';
import type { ServiceContext } from '../src/server/services.js';

/** The account the intake benchmarks take orders as: a hotline operator of the district. */
export const BENCH_OPERATOR = { username: 'bench_operator', password: 'Steady-Hotline-2026' };

export async function createBenchOperator(ctx: ServiceContext): Promise<void> {
  const users = new UsersService(ctx);
  const district = new Scope(['230108'], ctx.database.dialect);
  const operator = await users.create(
    district,
    { ...BENCH_OPERATOR, displayName: '压测话务员', regionCode: '230108', mustChangePassword: false },
    SYSTEM_ACTOR,
  );
  await users.assignRole(
    district,
    operator.user.id,
    { role: 'hotline_operator', regionCode: '230108' },
    SYSTEM_ACTOR,
  );
}

/** One hotline order for 独居老人照料 at a grid, as the operator console sends it. */
export const elderlyCareIntake = (gridCode: string) => ({
  categoryCode: 'livelihood.elderly_care',
  description: '独居老人王大爷家中暖气不热，需要上门查看',
  channel: 'hotline',
  regionCode: gridCode,
  contactName: '王大爷',
  contactPhone: '13845671234',
});
