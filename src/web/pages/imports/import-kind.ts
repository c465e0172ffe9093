import type { QueryKey } from '@tanstack/react-query';
import type { DownloadedFile } from '../../api/client';
import type { ImportJob } from '../../api/types';
import type { MessageKey, Params } from '../../i18n/translate';

/** The counts an import job carries. */
export type CountKey = 'totalRows' | 'created' | 'updated' | 'unchanged' | 'invalid';

/** One column of a template: its header, whether it must be filled in, and how. */
export interface TemplateColumn {
  header: string;
  required: boolean;
  note: MessageKey;
}

/**
 * What differs between the imports (residents, members): the endpoints, the template's columns
 * and the words around them. The import page and its cards take one of these.
 */
export interface ImportKind {
  /** The page's test id. */
  testId: string;
  title: MessageKey;
  /** The breadcrumb back to where the page was opened from, and where the outcome leads. */
  back: { label: MessageKey; path: (params: URLSearchParams) => string };
  templateIntro: MessageKey;
  columns: readonly TemplateColumn[];
  /** Values the column notes name (the register's tags…); a hook, called on every render. */
  useNoteParams: () => Params;
  downloadTemplate: () => Promise<DownloadedFile>;
  start: (file: File, skipInvalid: boolean) => Promise<ImportJob>;
  /** Shown under the upload button and while the job runs. */
  leaveHint: MessageKey;
  /**
   * Whether the page lists the jurisdiction's recent imports (and reopens a running one). The
   * server lists every kind together, without saying which is which.
   */
  listsRecent: boolean;
  /** The counts of a successful import (errors are added when rows were skipped). */
  counts: readonly CountKey[];
  /** What a finished import may have changed. */
  invalidates: readonly QueryKey[];
  /** The outcome's button to the imported data. */
  done: { label: MessageKey; testId: string };
}
