import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { importCountyRegions } from '../../modules/regions/index.js';
import { UsersService } from '../../modules/users/index.js';
import { DISTRICT, type TestEnv } from '../../testing/test-env.js';

/** 南岗区: a second district of 哈尔滨市 beside 平房区 (the tests' DISTRICT). */
export const NANGANG = '230103';

/**
 * For the Citus tests: adds 南岗区's regions beside 平房区's and signs in a city user who is the
 * district admin of both; returns that user's cookie.
 */
export async function signInCityAdmin(env: TestEnv, password: string): Promise<string> {
  await importCountyRegions(env.ctx, NANGANG, SYSTEM_ACTOR);
  const users = new UsersService(env.ctx);
  const scope = new Scope([DISTRICT, NANGANG], env.dialect);
  const created = await users.create(
    scope,
    {
      username: 'city',
      password,
      displayName: '市委组织部',
      regionCode: DISTRICT,
      mustChangePassword: false,
    },
    SYSTEM_ACTOR,
  );
  for (const regionCode of [DISTRICT, NANGANG])
    await users.assignRole(scope, created.user.id, { role: 'district_admin', regionCode }, SYSTEM_ACTOR);
  return env.login('city', password);
}
