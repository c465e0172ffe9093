import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { ImportJob } from '../../db/tables.js';
import { DomainError, notFound } from '../../http/errors.js';
import { receiveSpreadsheet, sweepUploadTempFiles, uploadTempDir } from '../../http/spreadsheet-upload.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { memberImportLimits } from '../organizations/index.js';
import type { ResidentImportOutcome } from './import/resident-import.js';
import { inspectSpreadsheet, type SpreadsheetFormat } from './import/row-source.js';
import { limitsForRows, type SpreadsheetLimits, SpreadsheetRefused } from './import/spreadsheet-limits.js';
import { writeErrorReport } from './import/spreadsheet-writer.js';
import { importJobsRepository } from './import-jobs.repository.js';

const importsDir = (dataDir: string) => path.join(dataDir, 'imports');

/**
 * At start: jobs left 'running' by a process that stopped were rolled back with it (say so), and
 * what they and aborted uploads left on disk goes — uploaded files hold ID numbers and phones in
 * clear, so only the error reports stay.
 */
export async function markInterruptedImports(ctx: ServiceContext): Promise<void> {
  await importJobsRepository.failRunning(
    ctx.database.db,
    '服务器重启，导入未完成，数据库未作更改',
    ctx.now().toISOString(),
  );
  removeUploadedInputs(importsDir(ctx.config.dataDir));
  sweepUploadTempFiles([uploadTempDir(ctx.config.dataDir), os.tmpdir()], ctx.now());
}

/** Deletes every job's uploaded file (`input.*`), and the folders of jobs that kept nothing else. */
function removeUploadedInputs(root: string): void {
  if (!fs.existsSync(root)) return;
  for (const job of fs.readdirSync(root)) {
    const folder = path.join(root, job);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder))
      if (name.startsWith('input.')) fs.rmSync(path.join(folder, name), { force: true });
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}

export type ImportKind = 'residents' | 'members';

export type ImportRunner = (
  file: string,
  format: SpreadsheetFormat,
  options: {
    scope: Scope;
    actor: AuditActor;
    skipInvalid: boolean;
    onProgress: (progress: { fraction: number; rows: number }) => void;
  },
) => Promise<ResidentImportOutcome>;

/**
 * Imports uploaded from the web run in the background: the upload answers at once with a job,
 * the page polls it (and can be left and come back to). Progress lives in memory while the job
 * runs, because on SQLite the import's transaction holds the write lock until it ends.
 */
export class ImportJobsService {
  private readonly progress = new Map<string, { fraction: number; rows: number }>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly ctx: ServiceContext,
    /** What each kind of import runs (residents here; members from the organizations module). */
    private readonly runners: Record<ImportKind, ImportRunner>,
    /** Where an unexpected failure of a background import is reported (the server log). */
    private readonly logFailure: (error: unknown) => void,
  ) {}

  private folderOf(jobId: string): string {
    return path.join(importsDir(this.ctx.config.dataDir), jobId);
  }

  /** What a file of this kind of import may hold at most. */
  limitsOf(kind: ImportKind): SpreadsheetLimits {
    const configured = this.ctx.config.importMaxRows;
    return kind === 'members' ? memberImportLimits(configured) : limitsForRows(configured);
  }

  /**
   * Receives an upload and reads it through once: a file that breaks a limit (rows, columns, cell
   * or unpacked size) or cannot be read is answered here, as a 422 naming the limit, and no job
   * is made. Nothing of a refused upload stays on disk.
   */
  async receive(
    request: FastifyRequest,
    kind: ImportKind,
  ): Promise<{ tempFile: string; fileName: string; format: SpreadsheetFormat }> {
    const upload = await receiveSpreadsheet(request, uploadTempDir(this.ctx.config.dataDir));
    try {
      await inspectSpreadsheet(upload.tempFile, upload.format, this.limitsOf(kind));
    } catch (error) {
      fs.rmSync(upload.tempFile, { force: true });
      if (error instanceof SpreadsheetRefused) throw new DomainError(error.code, 422, error.params);
      throw error;
    }
    return upload;
  }

  /** Moves the uploaded file into the job's folder and starts the import without waiting for it. */
  async start(
    scope: Scope,
    upload: { tempFile: string; fileName: string; format: SpreadsheetFormat },
    skipInvalid: boolean,
    actor: AuditActor & { id: string },
    kind: ImportKind = 'residents',
  ): Promise<ImportJob> {
    const id = uuidv7();
    const folder = this.folderOf(id);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const input = path.join(folder, `input.${upload.format}`);
    try {
      fs.renameSync(upload.tempFile, input);
    } catch (error) {
      fs.rmSync(upload.tempFile, { force: true });
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    const regionCode = scope.roots[0] ?? this.ctx.config.districtCode;
    const job: ImportJob = {
      id,
      district_code: districtOf(regionCode),
      region_code: regionCode,
      user_id: actor.id,
      kind,
      file_name: upload.fileName.slice(0, 200),
      skip_invalid: skipInvalid ? 1 : 0,
      status: 'running',
      progress: 0,
      total_rows: 0,
      created_rows: 0,
      updated_rows: 0,
      unchanged_rows: 0,
      invalid_rows: 0,
      report_file: null,
      message: null,
      started_at: this.ctx.now().toISOString(),
      finished_at: null,
    };
    try {
      await importJobsRepository.insert(this.ctx.database.db, job);
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    this.progress.set(id, { fraction: 0, rows: 0 });
    const work = this.run(job, scope, actor, input, upload.format).finally(() => {
      // The upload held ID numbers and phones in clear: it goes whatever the outcome.
      fs.rmSync(input, { force: true });
      if (fs.existsSync(folder) && fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
      this.progress.delete(id);
      this.running.delete(work);
    });
    this.running.add(work);
    return job;
  }

  private async run(
    job: ImportJob,
    scope: Scope,
    actor: AuditActor,
    input: string,
    format: SpreadsheetFormat,
  ): Promise<void> {
    const { db } = this.ctx.database;
    try {
      const outcome = await this.runners[job.kind as ImportKind](input, format, {
        scope,
        actor,
        skipInvalid: job.skip_invalid === 1,
        onProgress: (p) => this.progress.set(job.id, p),
      });
      let reportFile: string | null = null;
      if (outcome.invalid > 0 || outcome.fileProblem) {
        reportFile = path.join(this.folderOf(job.id), 'errors.xlsx');
        await writeErrorReport({
          input,
          format,
          output: reportFile,
          problems: outcome.problems,
          fileProblem: outcome.fileProblem,
          limits: this.limitsOf(job.kind as ImportKind),
        });
      }
      const notes = [
        outcome.fileProblem,
        outcome.unknownColumns.length
          ? `未识别的列（未导入）：${outcome.unknownColumns.join('、')}`
          : undefined,
      ].filter(Boolean);
      await importJobsRepository.update(db, job.id, {
        status: outcome.status,
        progress: 1,
        total_rows: outcome.totalRows,
        created_rows: outcome.created,
        updated_rows: outcome.updated,
        unchanged_rows: outcome.unchanged,
        invalid_rows: outcome.invalid,
        report_file: reportFile,
        message: notes.length ? notes.join('；') : null,
        finished_at: this.ctx.now().toISOString(),
      });
    } catch (error) {
      await importJobsRepository.update(db, job.id, {
        status: 'failed',
        message: '导入失败，数据库未作更改',
        finished_at: this.ctx.now().toISOString(),
      });
      this.logFailure(error);
    }
  }

  async get(scope: Scope, id: string) {
    const job = await importJobsRepository.findInScope(this.ctx.database.db, scope, id);
    if (!job) throw notFound('import.not_found');
    return this.withLiveProgress(job);
  }

  async list(scope: Scope, limit: number) {
    const jobs = await importJobsRepository.listInScope(this.ctx.database.db, scope, limit);
    return jobs.map((job) => this.withLiveProgress(job));
  }

  /** A running job's progress is in memory until it ends (see the class comment). */
  private withLiveProgress(job: ImportJob): ImportJob {
    const live = this.progress.get(job.id);
    return live ? { ...job, progress: live.fraction, total_rows: live.rows } : job;
  }

  /** Waits for every running import (graceful shutdown, tests). Failures were recorded on the job. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
