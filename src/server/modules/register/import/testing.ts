import { Scope } from '../../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../../bootstrap.js';
import type { TestEnv } from '../../../testing/test-env.js';
import { importResidents, type ResidentImportOptions } from './resident-import.js';
import { formatOf } from './row-source.js';

/** For the import tests: a file imported by the system into 230108 unless told otherwise. */
export async function runImport(
  env: TestEnv,
  file: string,
  options: Partial<Pick<ResidentImportOptions, 'scope' | 'skipInvalid' | 'tuning' | 'onProgress'>> = {},
) {
  return importResidents(env.ctx, file, formatOf(file)!, {
    ...options,
    scope: options.scope ?? new Scope(['230108'], env.dialect),
    actor: SYSTEM_ACTOR,
    skipInvalid: options.skipInvalid ?? false,
  });
}
