import type { AuditAnchor } from '../server/modules/audit/audit-anchor.js';
import type { AuditVerification } from '../server/modules/audit/audit-verify.js';

/** One line for the operator: what held, or where and how the chain broke. */
export function describeVerification(result: AuditVerification, anchor: AuditAnchor): string {
  if (result.ok) return `Audit chain intact: ${result.rows} rows.`;
  const where = `Audit chain BROKEN at row ${result.brokenAtSeq} (${result.reason})`;
  switch (result.reason) {
    case 'cut':
      return `${where}: the log ends at row ${result.brokenAtSeq - 1} but ${anchor.headFile} records row ${result.exportedSeq}; its tail was removed.`;
    case 'anchor_invalid':
      return `${where}: ${anchor.headFile} was edited or belongs to another data key.`;
    case 'forged':
      return `${where}: its MAC does not match; it was rewritten without the key. ${result.rows} rows verified before it.`;
    case 'unsigned':
      return `${where}: it has no MAC although earlier rows do. ${result.rows} rows verified before it.`;
    default:
      return `${where}; ${result.rows} rows verified before it.`;
  }
}
