import { useQuery } from '@tanstack/react-query';
import {
  RELATIONS,
  REQUIRED_RESIDENT_HEADERS,
  RESIDENT_HEADERS,
  type ResidentHeader,
} from '../../../shared/register-template';
import { householdKeys } from '../../api/households';
import { downloadTemplate, importKeys, startImport } from '../../api/imports';
import { personKeys, tagsQuery } from '../../api/persons';
import type { MessageKey } from '../../i18n/translate';
import type { ImportKind } from './import-kind';

const notes: Record<ResidentHeader, MessageKey> = {
  姓名: 'imports.note.name',
  公民身份号码: 'imports.note.idNumber',
  性别: 'imports.note.gender',
  手机号码: 'imports.note.phone',
  民族: 'imports.note.ethnicity',
  所属网格: 'imports.note.grid',
  楼栋: 'imports.note.building',
  单元: 'imports.note.unit',
  楼层: 'imports.note.floor',
  房号: 'imports.note.room',
  与户主关系: 'imports.note.relation',
  人员标签: 'imports.note.tags',
  户籍地址: 'imports.note.registeredAddress',
  备注: 'imports.note.note',
};

/** Residents into the register (/imports, from 居民). */
export const residentImport: ImportKind = {
  testId: 'imports-page',
  title: 'imports.title',
  back: { label: 'imports.back', path: () => '/persons' },
  templateIntro: 'imports.templateIntro',
  columns: RESIDENT_HEADERS.map((header) => ({
    header,
    required: REQUIRED_RESIDENT_HEADERS.includes(header),
    note: notes[header],
  })),
  useNoteParams: () => {
    const tags = useQuery(tagsQuery);
    return {
      relations: RELATIONS.join('、'),
      tags: (tags.data ?? []).map((tag) => tag.name).join('、'),
    };
  },
  downloadTemplate,
  start: startImport,
  leaveHint: 'imports.leaveHint',
  listsRecent: true,
  counts: ['created', 'updated', 'unchanged'],
  invalidates: [importKeys.list, personKeys.all, householdKeys.all],
  done: { label: 'imports.toPersons', testId: 'import-to-persons' },
};
