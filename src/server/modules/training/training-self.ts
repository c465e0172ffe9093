import type { FastifyRequest } from 'fastify';
import { notFound, unauthenticated } from '../../http/errors.js';
import type { AuditActor } from '../audit/index.js';

/**
 * A resident of the portal as a trainee: the register person their verified phone was linked to at
 * sign-in, and how they appear in audit rows. An unlinked resident has no training (404).
 */
export interface TraineeSelf {
  personId: string;
  actor: AuditActor;
}

export function traineeOf(request: FastifyRequest): TraineeSelf {
  if (!request.resident) throw unauthenticated();
  if (!request.resident.personId) throw notFound('training.no_person');
  return { personId: request.resident.personId, actor: request.actor };
}
