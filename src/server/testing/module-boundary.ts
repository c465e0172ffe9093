import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Modules keep their insides to themselves (docs/architecture.md): a module under
 * `src/server/modules/<name>/` exposes what others may use through its `index.ts`, so that moving or
 * splitting a file inside it changes no other module. `module-boundary.test.ts` runs this over `src/`
 * in `npm test`.
 *
 * An import of a file of module M is allowed when
 * - the importing file is inside M itself (a module's parts, subfolders and tests use each other freely);
 * - it names M's `index.js`;
 * - test code (`*.test.ts`, `src/server/testing/**`, a module's `testing.ts`) names M's `testing.js`:
 *   a module's fixtures are its surface for tests, kept out of `index.ts` so that production code never
 *   loads them;
 * - the data layer (`src/server/db/**`) or another row-type file names M's `<name>.tables.js`: `db/tables.ts`
 *   combines every module's row types into `DB`, and reading them (db/schema-check) must not load a
 *   module's code through its index.
 * Everything else, including app wiring (`app.ts`, `scheduler.ts`), the demo generator, the CLI and
 * migrations, goes through `index.js`.
 */
const MODULE_FILE = /^src\/server\/modules\/([^/]+)\/(.+?)(?:\.(?:js|ts|tsx))?$/;

const TEST_CODE: readonly RegExp[] = [
  /\.test\.ts$/,
  /^src\/server\/testing\//,
  /^src\/server\/modules\/[^/]+\/testing\.ts$/,
];

export interface ModuleViolation {
  /** Path from the repository root, with forward slashes. */
  file: string;
  line: number;
  /** The import as written. */
  specifier: string;
}

const moduleOf = (file: string): string | undefined => MODULE_FILE.exec(file)?.[1];

/** Whether `file` (from the repository root) may import `specifier` as written. */
export function mayImport(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return true;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const found = MODULE_FILE.exec(target);
  if (found === null) return true;
  const [, module, inside = ''] = found;
  if (module === moduleOf(file) || inside === 'index') return true;
  if (inside.endsWith('.tables')) return file.startsWith('src/server/db/') || file.endsWith('.tables.ts');
  return inside === 'testing' && TEST_CODE.some((pattern) => pattern.test(file));
}

/** The deep imports across modules in one source. */
export function deepImportsIn(file: string, source: string): ModuleViolation[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: ModuleViolation[] = [];
  const check = (node: ts.Node, specifier: ts.Node | undefined) => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier) || mayImport(file, specifier.text))
      return;
    const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
    found.push({ file, line, specifier: specifier.text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) check(node, node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      check(node, node.argument.literal);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      check(node, node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function* sourceFiles(directory: string): Generator<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Every deep import across modules under `src/` of the checkout at `root`. */
export function moduleViolations(root: string): ModuleViolation[] {
  const found: ModuleViolation[] = [];
  for (const full of sourceFiles(path.join(root, 'src'))) {
    const file = path.relative(root, full).split(path.sep).join('/');
    const source = fs.readFileSync(full, 'utf8');
    // Only a module's own files and code naming a modules/ folder can reach into one; the rest (the
    // web app, most of src/shared) need not be parsed.
    if (moduleOf(file) !== undefined || source.includes('modules/'))
      found.push(...deepImportsIn(file, source));
  }
  return found;
}
