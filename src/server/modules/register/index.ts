/**
 * What other code may use of this module (the resident register: persons, households, imports and exports).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { HouseholdsService } from './households.service.js';
export { emptyImportOutcome, importResidents, type ResidentImportOutcome } from './import/resident-import.js';
export { normalizeCell } from './import/row-checker.js';
export {
  formatOf,
  inspectSpreadsheet,
  readSpreadsheet,
  type SpreadsheetFormat,
} from './import/row-source.js';
export { limitsForRows, type SpreadsheetLimits, SpreadsheetRefused } from './import/spreadsheet-limits.js';
export { writeErrorReport, writeResidentTemplate } from './import/spreadsheet-writer.js';
export { toJobDto } from './import-jobs.dto.js';
export { ImportJobsService, markInterruptedImports } from './import-jobs.service.js';
export { recordLookup } from './lookup-guard.js';
export { ageOn, maskedContact, namePinyin, protectPhone, rowHash } from './person-fields.js';
export { personWritesRepository } from './person-writes.repository.js';
export { PersonsService } from './persons.service.js';
export { registerRepository } from './register.repository.js';
export { registerRoutes } from './register.routes.js';
