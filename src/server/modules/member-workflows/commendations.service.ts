import { v7 as uuidv7 } from 'uuid';
import { beijingYear } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type CommendationView, commendationsRepository } from './commendations.repository.js';
import { workflowLookups } from './member-workflows.repository.js';

/** 表彰: titles such as 先锋岗标兵, 优秀共产党员 or 先进基层党组织, given to a member or an organization. */
export class CommendationsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(
    scope: Scope,
    input: {
      year: number;
      title: string;
      subjectType: 'member' | 'organization';
      subjectId: string;
      note?: string | undefined;
    },
    actor: AuditActor,
  ): Promise<CommendationView> {
    const { db } = this.ctx.database;
    const current = beijingYear(this.ctx.now());
    if (input.year > current) throw fieldError('year', 'commendation.year_in_future', { max: current });
    const { id, regionCode } = await db.transaction().execute(async (trx) => {
      const subject =
        input.subjectType === 'member'
          ? await workflowLookups.memberInScope(trx, scope, input.subjectId)
          : await workflowLookups.organizationInScope(trx, scope, input.subjectId);
      if (!subject) throw notFound('commendation.subject_not_found');
      if (await commendationsRepository.same(trx, input)) {
        throw conflict('commendation.duplicate', { title: input.title });
      }
      const commendationId = uuidv7();
      await commendationsRepository.insert(trx, {
        id: commendationId,
        district_code: districtOf(subject.region_code),
        region_code: subject.region_code,
        year: input.year,
        title: input.title,
        subject_type: input.subjectType,
        subject_id: subject.id,
        note: input.note ?? '',
        created_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'commendation.created',
        targetType: 'commendation',
        targetId: commendationId,
        regionCode: subject.region_code,
        summary: {
          year: input.year,
          title: input.title,
          subjectType: input.subjectType,
          subjectId: subject.id,
        },
      });
      return { id: commendationId, regionCode: subject.region_code };
    });
    const [created] = await commendationsRepository.list(db, scope.narrowedTo(regionCode), { id, limit: 1 });
    return created!;
  }

  list(
    scope: Scope,
    filter: { region?: string | undefined; year?: number | undefined; limit: number },
  ): Promise<CommendationView[]> {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return commendationsRepository.list(this.ctx.database.db, within, filter);
  }
}
