import { ImportView } from './ImportView';
import { residentImport } from './resident-import';

/** /imports — resident imports: the template, the upload, the running or finished job, recent jobs. */
export function ImportsPage() {
  return <ImportView kind={residentImport} />;
}
