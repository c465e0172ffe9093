export { KIND_RULES, ORGANIZATION_KINDS } from '../../../shared/organization-rules.js';
