import {
  MEMBER_CATEGORY_NAMES,
  MEMBER_HEADERS,
  MEMBER_STATUS_NAMES,
  type MemberHeader,
} from '../../../shared/member-template';
import { coverageKeys } from '../../api/coverage';
import { householdKeys } from '../../api/households';
import { downloadMemberTemplate, importKeys, startMemberImport } from '../../api/imports';
import { organizationKeys } from '../../api/organizations';
import { personKeys } from '../../api/persons';
import type { MessageKey } from '../../i18n/translate';
import type { ImportKind } from '../imports/import-kind';

/** The server may leave these out of a file; every other column must be there and filled in. */
const OPTIONAL: readonly MemberHeader[] = ['手机号码', '岗位'];

const notes: Record<MemberHeader, MessageKey> = {
  姓名: 'memberImport.note.name',
  公民身份号码: 'memberImport.note.idNumber',
  手机号码: 'memberImport.note.phone',
  所属组织: 'memberImport.note.organization',
  人员类别: 'memberImport.note.category',
  党员状态: 'memberImport.note.status',
  入党日期: 'memberImport.note.joinedOn',
  岗位: 'memberImport.note.post',
};

/** The values of 人员类别 and 党员状态 are the file's own words, in any language of the page. */
const noteParams = {
  categories: Object.keys(MEMBER_CATEGORY_NAMES).join('、'),
  statuses: Object.keys(MEMBER_STATUS_NAMES).join('、'),
};

/** The organization the page was opened from (?org=), which its breadcrumb and outcome lead back to. */
const organizationPath = (params: URLSearchParams) => {
  const id = params.get('org');
  return id ? `/organizations/${encodeURIComponent(id)}` : '/organizations';
};

/** Members into the organizations the file names (/organizations/import, from 组织). */
export const memberImport: ImportKind = {
  testId: 'member-import-page',
  title: 'memberImport.title',
  back: { label: 'nav.organizations', path: organizationPath },
  templateIntro: 'memberImport.templateIntro',
  columns: MEMBER_HEADERS.map((header) => ({
    header,
    required: !OPTIONAL.includes(header),
    note: notes[header],
  })),
  useNoteParams: () => noteParams,
  downloadTemplate: downloadMemberTemplate,
  start: startMemberImport,
  leaveHint: 'memberImport.leaveHint',
  listsRecent: false,
  counts: ['created', 'unchanged'],
  invalidates: [importKeys.list, organizationKeys.all, coverageKeys.all, householdKeys.all, personKeys.all],
  done: { label: 'memberImport.toOrganization', testId: 'import-to-organization' },
};
