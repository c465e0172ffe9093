import type {
  RelocationAction,
  RelocationStatus,
  RelocationSubject,
} from '../../../shared/api/relocation.js';

/**
 * The relocation workflow as one table: surveyed → agreed → paid → moved → resettled, or withdrawn
 * before any money moves. An enterprise leaves at `moved`: only households get a flat.
 */
export const RELOCATION_RULES: Record<
  RelocationAction,
  { from: readonly RelocationStatus[]; to: RelocationStatus; subjects: readonly RelocationSubject[] }
> = {
  agree: { from: ['surveyed'], to: 'agreed', subjects: ['household', 'enterprise'] },
  pay: { from: ['agreed'], to: 'paid', subjects: ['household', 'enterprise'] },
  move: { from: ['paid'], to: 'moved', subjects: ['household', 'enterprise'] },
  resettle: { from: ['moved'], to: 'resettled', subjects: ['household'] },
  withdraw: { from: ['surveyed', 'agreed'], to: 'withdrawn', subjects: ['household', 'enterprise'] },
};

export const isLegal = (action: RelocationAction, status: RelocationStatus, subject: RelocationSubject) =>
  RELOCATION_RULES[action].from.includes(status) && RELOCATION_RULES[action].subjects.includes(subject);

/** What may be done next with a case (the page offers only these). */
export const nextActions = (status: RelocationStatus, subject: RelocationSubject): RelocationAction[] =>
  (Object.keys(RELOCATION_RULES) as RelocationAction[]).filter((action) => isLegal(action, status, subject));
