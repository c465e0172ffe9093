import type { ServiceContext } from '../../services.js';
import { activitiesRepository } from './activities.repository.js';
import { certificatesRepository } from './certificates.repository.js';
import { signupsRepository } from './signups.repository.js';
import { type VolunteerSelf, volunteersOf } from './volunteer-self.js';

/** One's own volunteering (a member's or a resident's): records, services, certificates, open activities. */
export class MyVolunteeringService {
  constructor(private readonly ctx: ServiceContext) {}

  async mine(self: VolunteerSelf) {
    const { db } = this.ctx.database;
    const volunteers = await volunteersOf(db, self);
    const ids = volunteers.map((v) => v.id);
    const [services, certificates, activities] = await Promise.all([
      signupsRepository.services(db, ids),
      certificatesRepository.ofVolunteers(db, ids),
      activitiesRepository.openForTeams(
        db,
        volunteers.map((v) => v.team_id),
        this.ctx.now().toISOString(),
      ),
    ]);
    const shifts = await activitiesRepository.shifts(
      db,
      activities.map((a) => a.id),
    );
    return { volunteers, services, certificates, activities, shifts };
  }
}
