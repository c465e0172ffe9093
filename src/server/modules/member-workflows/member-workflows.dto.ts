import type { z } from 'zod';
import type {
  commendationSchema,
  commitmentSchema,
  registrationSchema,
  transferSchema,
} from '../../../shared/api/member-workflows.js';
import type { CommendationView } from './commendations.repository.js';
import type { CommitmentUpdate, CommitmentView } from './commitments.repository.js';
import type { RegistrationView } from './registrations.repository.js';
import type { TransferEvent, TransferView } from './transfers.repository.js';

/** Rows → the shapes of src/shared/api/member-workflows.ts. */

export const toRegistrationDto = (r: RegistrationView): z.infer<typeof registrationSchema> => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  organizationName: r.organization_name,
  communityCode: r.region_code,
  communityName: r.community_name,
  serviceAreas: JSON.parse(r.service_areas) as string[],
  commitment: r.commitment,
  status: r.status,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The other side's organization shows only its id and name, never its region. */
export const toTransferDto = (t: TransferView): z.infer<typeof transferSchema> => ({
  id: t.id,
  member: { id: t.member_id, name: t.member_name },
  fromOrganization: { id: t.from_organization_id, name: t.from_organization_name },
  toOrganization: { id: t.to_organization_id, name: t.to_organization_name },
  duesPaidUntil: t.dues_paid_until,
  letterValidDays: t.letter_valid_days,
  status: t.status,
  letterExpiresAt: t.letter_expires_at,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
});

export const toTransferEventDto = (e: TransferEvent) => ({ action: e.action, note: e.note, at: e.at });

export function toCommitmentDto(c: CommitmentView): z.infer<typeof commitmentSchema> {
  const total = c.satisfied + c.basically_satisfied + c.unsatisfied;
  return {
    id: c.id,
    memberId: c.member_id,
    memberName: c.member_name,
    year: c.year,
    content: c.content,
    progress: c.progress,
    ratings: {
      satisfied: c.satisfied,
      basicallySatisfied: c.basically_satisfied,
      unsatisfied: c.unsatisfied,
      total,
    },
    satisfactionRate: total === 0 ? null : (c.satisfied + c.basically_satisfied) / total,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export const toCommitmentUpdateDto = (u: CommitmentUpdate) => ({
  progress: u.progress,
  note: u.note,
  at: u.at,
});

export const toCommendationDto = (k: CommendationView): z.infer<typeof commendationSchema> => ({
  id: k.id,
  year: k.year,
  title: k.title,
  subjectType: k.subject_type,
  subjectId: k.subject_id,
  subjectName: k.subject_name,
  note: k.note,
  createdAt: k.created_at,
});
