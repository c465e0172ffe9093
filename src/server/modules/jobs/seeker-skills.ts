import type { Executor } from '../../db/database.js';
import { seekersRepository } from './seekers.repository.js';

/**
 * Skills learned elsewhere (a completed training course) added to a person's seeker registration
 * in the district, in the caller's transaction: the JSON list and the rows matching reads both
 * gain what was missing. Answers the skills added; none when the person is not registered.
 */
export async function addSeekerSkills(
  db: Executor,
  input: { districtCode: string; personId: string; skills: readonly string[]; at: string },
): Promise<{ seekerId: string | null; added: string[] }> {
  const found = await seekersRepository.ofPerson(db, input.districtCode, input.personId);
  if (!found) return { seekerId: null, added: [] };
  const seeker = (await seekersRepository.viewUnscoped(db, found.id))!;
  const held: string[] = JSON.parse(seeker.skills) as string[];
  const added = input.skills.filter((s) => !held.includes(s));
  if (added.length === 0) return { seekerId: seeker.id, added };
  // A seeker holds at most 20 skills (the registration form's limit): the newest learned are kept.
  const skills = [...held, ...added].slice(-20);
  await seekersRepository.update(db, seeker.id, { skills: JSON.stringify(skills), updated_at: input.at });
  await seekersRepository.replaceSkills(db, seeker.id, seeker.district_code, skills);
  return { seekerId: seeker.id, added };
}

/** The case worker of a person's seeker registration in the district, if they have one. */
export async function seekerCaseWorker(
  db: Executor,
  districtCode: string,
  personId: string,
): Promise<string | null> {
  const found = await seekersRepository.ofPerson(db, districtCode, personId);
  if (!found) return null;
  return (await seekersRepository.viewUnscoped(db, found.id))?.case_worker_id ?? null;
}
