import type { Me, RoleName } from '../../api/types';
import { hasPermission } from '../../session/permissions';

/**
 * Where each role's work is, in order of precedence for an account with several roles:
 * - district admins and secretaries steer: the cockpit (how service is going in their area);
 * - the hotline operator takes calls: the console (接听台);
 * - the auditor reviews who did what: the audit log (the MLPS audit is the role's reason to exist;
 *   the cockpit stays one click away in the menu);
 * - a grid worker looks after their grid: its page (buildings, households, and the to-dos in 工单);
 *   on a phone, the phone home (/home: what waits for them, a resident search, their buildings);
 * - a party member: their own page (我的), when the account is linked to a member;
 * - the guarantee centre's and the bank's loan officers: the start-up loans (创业担保贷款).
 * - an enterprise contact: their enterprise's page; a love-supermarket clerk: the check-off page.
 * The first role in this order that the account holds decides; a role whose page the account
 * cannot open, and anyone else, get the first region.
 */
const LANDINGS: { role: RoleName; to: (me: Me, phone: boolean) => string | null }[] = [
  { role: 'district_admin', to: (me) => (hasPermission(me, 'cockpit.read') ? '/cockpit' : null) },
  { role: 'secretary', to: (me) => (hasPermission(me, 'cockpit.read') ? '/cockpit' : null) },
  { role: 'hotline_operator', to: (me) => (hasPermission(me, 'workorder.intake') ? '/console' : null) },
  { role: 'auditor', to: (me) => (hasPermission(me, 'audit.read') ? '/audit' : null) },
  {
    role: 'grid_worker',
    to: (me, phone) => (phone && hasPermission(me, 'workorder.handle') ? '/home' : null),
  },
  { role: 'member', to: (me) => (me.isMember ? '/me' : null) },
  // An enterprise contact posts jobs and records outcomes: their enterprise's page.
  { role: 'enterprise_contact', to: (me) => (hasPermission(me, 'job.post') ? '/my-enterprise' : null) },
  { role: 'guarantee_officer', to: (me) => (hasPermission(me, 'loan.read') ? '/loans' : null) },
  { role: 'bank_officer', to: (me) => (hasPermission(me, 'loan.read') ? '/loans' : null) },
  // The love supermarket's clerk checks codes off at the counter: the clerk page is all they have.
  { role: 'timebank_clerk', to: (me) => (hasPermission(me, 'timebank.redeem') ? '/timebank/clerk' : null) },
];

/**
 * The page `/` opens for this user (on a phone-sized screen when `phone`), or null for "the first
 * region of their jurisdiction".
 */
export function landingOf(me: Me, phone = false): string | null {
  // The first role (in the order above) the account holds decides.
  const landing = LANDINGS.find(({ role }) => me.roles.some((r) => r.role === role));
  if (landing) return landing.to(me, phone);
  // An account with no role left that is still a member's keeps its own page.
  return me.isMember ? '/me' : null;
}
