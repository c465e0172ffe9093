import type { Job, Recommendation, Seeker, SeekerGroup } from '../../../shared/api/jobs.js';
import { maskPhone } from '../../../shared/validators/index.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { ageOn, maskedContact } from '../register/index.js';
import type { JobView } from './jobs.repository.js';
import type { RecommendationView } from './recommendations.repository.js';
import type { SeekerView } from './seekers.repository.js';

/** Row → DTO mappers of the job service (shapes in src/shared/api/jobs.ts). */

export const listOf = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
};

/** Three refusals of recommended jobs without a cause flag the seeker for their case worker. */
export const REFUSALS_FLAGGED = 3;

export const toJobDto = (j: JobView, today: string): Job => ({
  id: j.id,
  enterpriseId: j.enterprise_id,
  enterpriseName: j.enterprise_name,
  title: j.title,
  description: j.description,
  openings: j.openings,
  filled: j.filled,
  skills: listOf(j.skills),
  education: j.education,
  salaryMinFen: j.salary_min_fen,
  salaryMaxFen: j.salary_max_fen,
  regionCode: j.region_code,
  regionName: j.region_name,
  latitude: j.latitude === null ? null : Number(j.latitude),
  longitude: j.longitude === null ? null : Number(j.longitude),
  validUntil: j.valid_until,
  publicService: Number(j.public_service) === 1,
  status: j.status,
  expired: j.valid_until < today,
  createdAt: j.created_at,
});

export const toSeekerDto = (crypto: FieldCrypto, s: SeekerView, groups: SeekerGroup[], now: Date): Seeker => {
  const contact = maskedContact(crypto, {
    id_number_enc: s.id_number_enc,
    phone_enc: s.phone_enc,
    status: s.person_status,
  });
  return {
    id: s.id,
    personId: s.person_id,
    name: s.name,
    gender: s.gender,
    age: ageOn(s.birth_date, now),
    idNumber: contact.idNumber,
    phone: contact.phone,
    regionCode: s.region_code,
    groups,
    skills: listOf(s.skills),
    wantedJobs: listOf(s.wanted_jobs),
    education: s.education,
    expectedSalaryFen: s.expected_salary_fen,
    availability: s.availability,
    caseWorkerId: s.case_worker_id,
    caseWorkerName: s.case_worker_name,
    status: s.status,
    refusalsWithoutCause: s.refusals_without_cause,
    flagged: s.refusals_without_cause >= REFUSALS_FLAGGED,
    registeredOn: s.registered_on,
    smsOptOut: Number(s.sms_opt_out) === 1,
  };
};

export const toRecommendationDto = (crypto: FieldCrypto, r: RecommendationView): Recommendation => ({
  id: r.id,
  jobId: r.job_id,
  jobTitle: r.job_title,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  seekerId: r.seeker_id,
  seekerName: r.seeker_name,
  seekerPhone:
    r.seeker_person_status === 'anonymized' || !r.seeker_phone_enc
      ? ''
      : maskPhone(crypto.decrypt('person.phone', r.seeker_phone_enc)),
  status: r.status,
  interviewAt: r.interview_at,
  refusalCause: r.refusal_cause,
  note: r.note,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  fairId: r.fair_id,
});
