import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { TsKind, TypeColumn, TypeTables } from './shapes.js';

/** The file that exports `DB`, the combined row types. */
export const TABLES_FILE = path.resolve(import.meta.dirname, '../tables.ts');

/** Where the modules keep the row types of their tables (`<module>.tables.ts`). */
const MODULES = path.resolve(import.meta.dirname, '../../modules');

/** Every module's `<module>.tables.ts` (one level down: a module's row types sit at its top). */
export function moduleTableFiles(): string[] {
  return fs
    .readdirSync(MODULES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      fs
        .readdirSync(path.join(MODULES, entry.name))
        .filter((name) => name.endsWith('.tables.ts'))
        .map((name) => path.join(MODULES, entry.name, name)),
    );
}

/**
 * Only what resolving the row types needs, so that reading takes a second, not ten: no project-wide
 * program, no DOM or Node types, and `kysely` mapped to its column-type declarations (ColumnType,
 * Generated, Selectable, ...), which is all a row type may use from it.
 */
function compilerOptions(): ts.CompilerOptions {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const kysely = ts.resolveModuleName('kysely', TABLES_FILE, options, ts.sys).resolvedModule;
  if (!kysely) throw new Error('cannot resolve the kysely package from tables.ts');
  const columnTypes = path.join(path.dirname(kysely.resolvedFileName), 'util/column-type.d.ts');
  return { ...options, paths: { kysely: [columnTypes] } };
}

/** Parsed library files, shared between reads: they do not change during a run. */
const libraryFiles = new Map<string, ts.SourceFile>();

/**
 * Reads the row types of the exported interface `DB` in `file` with the TypeScript compiler API.
 * `text` replaces the file's contents (in memory), so a test can hand in a deliberately wrong one.
 * Reading the real `tables.ts` also reads every module's `<module>.tables.ts` and fails on a table one
 * of them declares (in its exported `…Tables` interface) that `DB` leaves out: such a table's types
 * would otherwise never be compared with the schema.
 */
export function readTableTypes(file: string = TABLES_FILE, text?: string): TypeTables {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile } = host;
  host.getSourceFile = (name, language, onError, create) => {
    if (!name.includes('/node_modules/')) return getSourceFile(name, language, onError, create);
    const cached = libraryFiles.get(name) ?? getSourceFile(name, language, onError, create);
    if (cached) libraryFiles.set(name, cached);
    return cached;
  };
  if (text !== undefined) {
    const { getSourceFile: read, fileExists, readFile } = host;
    const isTarget = (name: string) => path.resolve(name) === path.resolve(file);
    host.getSourceFile = (name, language, onError, create) =>
      isTarget(name) ? ts.createSourceFile(name, text, language) : read(name, language, onError, create);
    host.fileExists = (name) => isTarget(name) || fileExists(name);
    host.readFile = (name) => (isTarget(name) ? text : readFile(name));
  }
  const moduleFiles = text === undefined && file === TABLES_FILE ? moduleTableFiles() : [];
  const program = ts.createProgram([file, ...moduleFiles], options, host);
  // Our own files only (tables.ts and what it imports): a type that fails to resolve must not pass
  // as an unchecked one. Library declarations are tsc's job.
  const ownFiles = program.getSourceFiles().filter((f) => !f.fileName.includes('/node_modules/'));
  const errors = ownFiles.flatMap((f) => [
    ...program.getSyntacticDiagnostics(f),
    ...program.getSemanticDiagnostics(f),
  ]);
  if (errors.length > 0) {
    throw new Error(ts.formatDiagnostics(errors, { ...host, getNewLine: () => '\n' }));
  }
  const checker = program.getTypeChecker();
  const db = findExportedInterface(checker, program.getSourceFile(file), 'DB', file);
  const tables: TypeTables = {};
  for (const table of checker.getPropertiesOfType(db)) {
    const row = checker.getTypeOfSymbol(table);
    tables[table.name] = Object.fromEntries(
      checker.getPropertiesOfType(row).map((column) => [column.name, describeColumn(checker, column)]),
    );
  }
  const leftOut = moduleFiles.flatMap((moduleFile) =>
    declaredTables(checker, program.getSourceFile(moduleFile))
      .filter((table) => !(table in tables))
      .map((table) => `${path.basename(moduleFile)} declares ${table}, which DB (tables.ts) does not extend`),
  );
  if (leftOut.length > 0) throw new Error(leftOut.join('\n'));
  return tables;
}

/** The table names of the exported `…Tables` interfaces of one module's row-type file. */
function declaredTables(checker: ts.TypeChecker, source: ts.SourceFile | undefined): string[] {
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) return [];
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => symbol.name.endsWith('Tables') && symbol.flags & ts.SymbolFlags.Interface)
    .flatMap((symbol) => checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)))
    .map((table) => table.name);
}

function findExportedInterface(
  checker: ts.TypeChecker,
  source: ts.SourceFile | undefined,
  name: string,
  file: string,
): ts.Type {
  const module = source && checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} exports no ${name}`);
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return checker.getDeclaredTypeOfSymbol(target);
}

function describeColumn(checker: ts.TypeChecker, column: ts.Symbol): TypeColumn {
  const declared = checker.getTypeOfSymbol(column);
  const text = checker.typeToString(declared);
  const optionalProperty = (column.flags & ts.SymbolFlags.Optional) !== 0;
  // Kysely's ColumnType<S, I, U> (and Generated<S>) is an object of __select__/__insert__/__update__.
  const select = checker.getPropertyOfType(declared, '__select__');
  const insert = checker.getPropertyOfType(declared, '__insert__');
  const selectType = select ? checker.getTypeOfSymbol(select) : declared;
  const insertOptional = insert ? allowsLeavingOut(checker.getTypeOfSymbol(insert)) : false;
  // A `?` adds undefined to the type; the `?` itself is what the comparer reports.
  const parts = (selectType.isUnion() ? selectType.types : [selectType]).filter(
    (part) => !(optionalProperty && part.flags & ts.TypeFlags.Undefined),
  );
  const nullable = parts.some((part) => part.flags & ts.TypeFlags.Null);
  const kinds = new Set<TsKind>();
  for (const part of parts) {
    if (!(part.flags & ts.TypeFlags.Null)) kinds.add(kindOf(part));
  }
  return { kinds: [...kinds], nullable, insertOptional, optionalProperty, text };
}

/** An insert type with `undefined` (Generated) or `never` (GeneratedAlways) needs no value from us. */
function allowsLeavingOut(insert: ts.Type): boolean {
  if (insert.flags & ts.TypeFlags.Never) return true;
  const parts = insert.isUnion() ? insert.types : [insert];
  return parts.some((part) => part.flags & ts.TypeFlags.Undefined);
}

function kindOf(type: ts.Type): TsKind {
  const flags = type.flags;
  if (flags & ts.TypeFlags.StringLike) return 'string';
  if (flags & ts.TypeFlags.NumberLike) return 'number';
  if (flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (flags & ts.TypeFlags.BigIntLike) return 'bigint';
  if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return 'undefined';
  if (flags & ts.TypeFlags.Object) {
    const name = type.getSymbol()?.getName();
    if (name === 'Date') return 'Date';
    if (name === 'Buffer' || name === 'Uint8Array') return 'Buffer';
    return 'object';
  }
  return 'unknown';
}
