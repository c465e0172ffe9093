/**
 * What other code may use of this module (the tamper-evident audit log: writing rows, the hash chain and its anchors, queries).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { type AuditActor, AuditRepository, auditHeadWithRow } from './audit.repository.js';
export { auditRoutes } from './audit.routes.js';
export { AUDIT_HEAD_FILE, type AuditAnchor, auditAnchor, deriveAuditKey } from './audit-anchor.js';
export { GENESIS_HASH } from './audit-chain.js';
export { type ChainLink, writeExportedHead } from './audit-head-file.js';
export { countActorActionsSince } from './audit-query.repository.js';
export {
  type AuditVerification,
  exportAuditHead,
  verifyAndExportAuditHead,
  verifyAuditChain,
} from './audit-verify.js';
