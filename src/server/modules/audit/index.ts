/**
 * What other code may use of this module (the tamper-evident audit log: writing rows, sealing them
 * into chains, the anchors, queries).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { type AuditActor, AuditRepository, districtHeadLink } from './audit.repository.js';
export { auditRoutes } from './audit.routes.js';
export { AUDIT_HEAD_FILE, type AuditAnchor, auditAnchor, deriveAuditKey } from './audit-anchor.js';
export { GENESIS_HASH, linkHash } from './audit-chain.js';
export { type ChainHeads, type ChainLink, GENESIS_LINK, writeExportedHeads } from './audit-head-file.js';
export { countActorActionsSince, lockActorFor } from './audit-query.repository.js';
export { sealAuditChains } from './audit-sealer.js';
export {
  type AuditVerification,
  auditChainHeads,
  exportAuditHead,
  verifyAndExportAuditHead,
  verifyAuditChain,
} from './audit-verify.js';
