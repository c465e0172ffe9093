import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  createVolunteerBody,
  recordEntryBody,
  updateVolunteerBody,
} from '../../../shared/api/volunteering.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { activitiesRepository } from './activities.repository.js';
import { type CertificateView, certificatesRepository } from './certificates.repository.js';
import { type ServiceView, signupsRepository } from './signups.repository.js';
import { type RecordEntry, type VolunteerView, volunteersRepository } from './volunteers.repository.js';

export interface VolunteerRecordView {
  volunteer: VolunteerView;
  entries: RecordEntry[];
  services: ServiceView[];
  certificates: CertificateView[];
}

/** Teams and their volunteers, with the record the national rules ask for. */
export class VolunteersService {
  constructor(private readonly ctx: ServiceContext) {}

  teams(scope: Scope, filter: { region?: string | undefined; after?: string | undefined; limit: number }) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return activitiesRepository.teams(this.ctx.database.db, within, filter);
  }

  list(
    scope: Scope,
    filter: { team?: string | undefined; q?: string | undefined; after?: string | undefined; limit: number },
  ) {
    return volunteersRepository.list(this.ctx.database.db, scope, filter);
  }

  async create(
    scope: Scope,
    input: z.output<typeof createVolunteerBody>,
    actor: AuditActor,
  ): Promise<VolunteerView> {
    const { db } = this.ctx.database;
    const id = await db.transaction().execute(async (trx) => {
      const team = await activitiesRepository.teamInScope(trx, scope, input.teamId);
      if (!team) throw notFound('volunteer.team_not_found');
      const person = await volunteersRepository.personUnscoped(trx, input.personId);
      if (!person || person.status === 'anonymized') throw notFound('volunteer.person_not_found');
      if (person.district_code !== team.district_code) throw conflict('volunteer.person_other_district');
      if (await volunteersRepository.ofPersonInTeam(trx, team.id, person.id)) {
        throw conflict('volunteer.already_in_team');
      }
      const member = await volunteersRepository.memberOfPerson(trx, person.id);
      const now = this.ctx.now();
      const volunteerId = uuidv7();
      await volunteersRepository.insert(trx, {
        id: volunteerId,
        district_code: team.district_code,
        region_code: team.region_code,
        team_id: team.id,
        person_id: person.id,
        member_id: member?.id ?? null,
        skills: JSON.stringify(input.skills),
        status: 'active',
        joined_on: input.joinedOn ?? beijingDate(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.created',
        targetType: 'volunteer',
        targetId: volunteerId,
        regionCode: team.region_code,
        summary: { teamId: team.id, personId: person.id },
      });
      return volunteerId;
    });
    return (await volunteersRepository.viewUnscoped(db, id))!;
  }

  async update(
    scope: Scope,
    id: string,
    input: z.output<typeof updateVolunteerBody>,
    actor: AuditActor,
  ): Promise<VolunteerView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const volunteer = await volunteersRepository.findInScope(trx, scope, id);
      if (!volunteer) throw notFound('volunteer.not_found');
      await volunteersRepository.update(trx, id, {
        ...(input.skills ? { skills: JSON.stringify(input.skills) } : {}),
        ...(input.status ? { status: input.status } : {}),
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.updated',
        targetType: 'volunteer',
        targetId: id,
        regionCode: volunteer.region_code,
        summary: { ...input },
      });
    });
    return (await volunteersRepository.viewUnscoped(db, id))!;
  }

  async addEntry(
    scope: Scope,
    id: string,
    input: z.output<typeof recordEntryBody>,
    actor: AuditActor,
  ): Promise<VolunteerRecordView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const volunteer = await volunteersRepository.findInScope(trx, scope, id);
      if (!volunteer) throw notFound('volunteer.not_found');
      const entryId = uuidv7();
      await volunteersRepository.insertEntry(trx, {
        id: entryId,
        district_code: volunteer.district_code,
        volunteer_id: id,
        kind: input.kind,
        title: input.title,
        on_date: input.onDate,
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'volunteer.record_entry',
        targetType: 'volunteer',
        targetId: id,
        regionCode: volunteer.region_code,
        summary: { kind: input.kind, title: input.title },
      });
    });
    return this.record(scope, id);
  }

  async record(scope: Scope, id: string): Promise<VolunteerRecordView> {
    const { db } = this.ctx.database;
    if (!(await volunteersRepository.findInScope(db, scope, id))) throw notFound('volunteer.not_found');
    const [volunteer, entries, services, certificates] = await Promise.all([
      volunteersRepository.viewUnscoped(db, id),
      volunteersRepository.entries(db, id),
      signupsRepository.services(db, [id]),
      certificatesRepository.ofVolunteers(db, [id]),
    ]);
    return { volunteer: volunteer!, entries, services, certificates };
  }
}
