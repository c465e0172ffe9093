import type { Principal } from '../../auth/principal.js';
import type { Executor } from '../../db/database.js';
import type { SignedInResident } from '../../http/access-control.js';
import type { AuditActor } from '../audit/index.js';
import { type VolunteerView, volunteersRepository } from './volunteers.repository.js';

/**
 * Who asks for their own volunteering, and how they appear in audit rows: a member signed in to
 * the staff app (their volunteer records are those of the person their account is linked to
 * through `members.user_id`), or a resident of the portal (those of the register person their
 * verified phone was linked to at sign-in; none while unlinked). Every "own" service method takes
 * this instead of a principal, so members and residents share one set of rules (sign-up, waiting
 * list, cut-off, code check-in, certificates) and neither can reach another's records.
 */
export type VolunteerSelf =
  | { kind: 'member'; userId: string; actor: AuditActor }
  | { kind: 'resident'; personId: string | null; actor: AuditActor };

export const memberSelf = (principal: Principal): VolunteerSelf => ({
  kind: 'member',
  userId: principal.userId,
  actor: principal.actor,
});

/** `actor` is the request's (`request.actor`: the resident's account and masked phone). */
export const residentSelf = (resident: SignedInResident, actor: AuditActor): VolunteerSelf => ({
  kind: 'resident',
  personId: resident.personId,
  actor,
});

/** The caller's own volunteer records (one per team they serve in); none for an unlinked resident. */
export const volunteersOf = (db: Executor, self: VolunteerSelf): Promise<VolunteerView[]> => {
  if (self.kind === 'member') return volunteersRepository.ofUser(db, self.userId);
  return self.personId ? volunteersRepository.ofActivePerson(db, self.personId) : Promise.resolve([]);
};
