import { ImportView } from '../imports/ImportView';
import { memberImport } from './member-import';

/** /organizations/import — members from a spreadsheet, into the organizations it names. */
export function MemberImportPage() {
  return <ImportView kind={memberImport} />;
}
