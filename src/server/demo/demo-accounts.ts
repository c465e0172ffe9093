import { regionAt } from '../../shared/region-code.js';
import type { RoleName } from '../auth/permissions.js';
import { Scope } from '../auth/scope.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import { generatePassword } from '../credentials-file.js';
import { UsersService } from '../modules/users/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';

/** The demo's sign-in accounts, one per staff role, printed for whoever starts the demo. */

export interface DemoAccount {
  username: string;
  /** A password, or for the resident (who signs in with a one-time code) `phone:<number>`. */
  password: string;
  role: RoleName | 'resident';
  regionCode: string;
}

/** The community the demo's community secretary, grid worker and member work in. */
export const demoAccountCommunity = (district: string) => `${district}001002`;

/** One account per staff role, each scoped where such a person would work. */
export async function createDemoAccounts(ctx: ServiceContext, community: string): Promise<DemoAccount[]> {
  const users = new UsersService(ctx);
  const district = ctx.config.districtCode;
  const scope = new Scope([district], ctx.database.dialect);
  const grid = `${community}01`;
  const wanted: { username: string; displayName: string; role: RoleName; regionCode: string }[] = [
    {
      username: 'district_admin',
      displayName: '区委组织部管理员',
      role: 'district_admin',
      regionCode: district,
    },
    {
      username: 'street_secretary',
      displayName: '街道书记',
      role: 'secretary',
      regionCode: regionAt(community, 'street'),
    },
    { username: 'community_secretary', displayName: '社区书记', role: 'secretary', regionCode: community },
    { username: 'grid_worker', displayName: '网格员', role: 'grid_worker', regionCode: grid },
    {
      username: 'hotline_operator',
      displayName: '热线接线员',
      role: 'hotline_operator',
      regionCode: district,
    },
    { username: 'member', displayName: '党员', role: 'member', regionCode: community },
    { username: 'auditor', displayName: '审计员', role: 'auditor', regionCode: district },
    // 创业担保贷款: the guarantee centre's and the lending bank's officers take their steps district-wide.
    {
      username: 'guarantee_officer',
      displayName: '担保中心经办人',
      role: 'guarantee_officer',
      regionCode: district,
    },
    { username: 'bank_officer', displayName: '经办银行信贷员', role: 'bank_officer', regionCode: district },
  ];
  const accounts: DemoAccount[] = [];
  for (const account of wanted) {
    const password = generatePassword();
    // The demo's accounts are published to every visitor in initial-credentials.txt: a change
    // forced on the first visitor would lock the next one out, so they keep their passwords.
    const created = await users.create(
      scope,
      { ...account, password, mustChangePassword: false },
      SYSTEM_ACTOR,
    );
    await users.assignRole(
      scope,
      created.user.id,
      { role: account.role, regionCode: account.regionCode },
      SYSTEM_ACTOR,
    );
    accounts.push({
      username: account.username,
      password,
      role: account.role,
      regionCode: account.regionCode,
    });
  }
  // The member account is a real in-service member living in that community (their own page shows
  // their households, and the registration page their 双报到).
  const { db } = ctx.database;
  const member = await demoRepository.firstMemberLivingIn(db, community);
  const memberAccount = await demoRepository.userId(db, 'member');
  if (member && memberAccount)
    await demoRepository.linkMember(db, member, memberAccount, ctx.now().toISOString());
  return accounts;
}
