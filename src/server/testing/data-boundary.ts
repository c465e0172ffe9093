import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The data boundary (docs/architecture.md): only the data layer builds queries. A file inside the
 * boundary may import Kysely and build SQL; any other server file reaches the database through a
 * repository. `data-boundary.test.ts` runs this over src/server in `npm test`.
 *
 * Inside the boundary (paths from the repository root):
 * - `src/server/db/**`: connections, dialects, migrations, the bulk writer, row types;
 * - `*.repository.ts`: each module's queries (the demo generator's bulk writes included:
 *   `demo.repository.ts` and `db/bulk-insert.ts`);
 * - `src/server/auth/scope.ts`: the scope helper, which turns a scope into SQL conditions;
 * - test code (`*.test.ts`, `src/server/testing/**`, a module's `testing.ts`): fixtures seed and
 *   inspect tables directly, so that a test does not need a repository method made only for it.
 */
const INSIDE: readonly RegExp[] = [
  /^src\/server\/db\//,
  /\.repository\.ts$/,
  /^src\/server\/auth\/scope\.ts$/,
  /\.test\.ts$/,
  /^src\/server\/testing\//,
  /^src\/server\/modules\/.+\/testing\.ts$/,
];

/** Kysely's entry points to SQL: a call to one of these is a query being built. */
const QUERY_METHODS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'withRecursive',
  'executeQuery',
]);

export interface BoundaryViolation {
  /** Path from the repository root, with forward slashes. */
  file: string;
  line: number;
  what: string;
}

export const isInsideBoundary = (file: string): boolean => INSIDE.some((pattern) => pattern.test(file));

const isKysely = (specifier: ts.Node | undefined): boolean =>
  specifier !== undefined &&
  ts.isStringLiteralLike(specifier) &&
  (specifier.text === 'kysely' || specifier.text.startsWith('kysely/'));

/** What in one source breaks the boundary; nothing for a file inside it. */
export function violationsIn(file: string, source: string): BoundaryViolation[] {
  if (isInsideBoundary(file)) return [];
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: BoundaryViolation[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1, what });
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && isKysely(node.moduleSpecifier))
      report(node, "imports from 'kysely'");
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      isKysely(node.argument.literal)
    )
      report(node, "a type from import('kysely')");
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        (callee.kind === ts.SyntaxKind.ImportKeyword ||
          (ts.isIdentifier(callee) && callee.text === 'require')) &&
        isKysely(node.arguments[0])
      )
        report(node, "loads 'kysely'");
      else if (ts.isPropertyAccessExpression(callee) && QUERY_METHODS.has(callee.name.text))
        report(node, `builds a query (.${callee.name.text})`);
      else if (
        ts.isPropertyAccessExpression(callee) &&
        ts.isPropertyAccessExpression(callee.expression) &&
        callee.expression.name.text === 'schema'
      )
        report(node, `changes the schema (.schema.${callee.name.text})`);
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql')
      report(node, 'writes raw SQL (sql`…`)');
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function* typeScriptFiles(directory: string): Generator<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Every violation under `src/server` of the checkout at `root`. */
export function boundaryViolations(root: string): BoundaryViolation[] {
  const found: BoundaryViolation[] = [];
  for (const full of typeScriptFiles(path.join(root, 'src/server'))) {
    const file = path.relative(root, full).split(path.sep).join('/');
    found.push(...violationsIn(file, fs.readFileSync(full, 'utf8')));
  }
  return found;
}
