import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepImportsIn, mayImport, moduleViolations } from './module-boundary.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('module boundaries: other modules use only what a module exposes in its index.ts', () => {
  it('holds over src/: no file imports the inside of another module', () => {
    expect(moduleViolations(root)).toEqual([]);
  });

  it('every module has an index.ts', () => {
    const modules = path.join(root, 'src/server/modules');
    for (const entry of fs.readdirSync(modules, { withFileTypes: true }))
      if (entry.isDirectory())
        expect(fs.existsSync(path.join(modules, entry.name, 'index.ts')), entry.name).toBe(true);
  });

  const portal = 'src/server/modules/portal/portal.service.ts';

  it('allows a module its own parts, another module only through index.js', () => {
    expect(mayImport(portal, './portal.repository.js')).toBe(true);
    expect(
      mayImport(
        'src/server/modules/work-orders/intake/work-order-intake.service.ts',
        '../work-order-steps.js',
      ),
    ).toBe(true);
    expect(mayImport(portal, '../work-orders/index.js')).toBe(true);
    expect(mayImport(portal, '../../http/errors.js')).toBe(true);
    expect(mayImport(portal, 'zod')).toBe(true);
    expect(mayImport('src/server/app.ts', './modules/catalogue/index.js')).toBe(true);
  });

  it("lets test code use another module's testing.ts, and nothing else of it", () => {
    const test = 'src/server/modules/cockpit/cockpit.test.ts';
    expect(mayImport(test, '../work-orders/testing.js')).toBe(true);
    expect(mayImport('src/server/testing/test-env.ts', '../modules/users/testing.js')).toBe(true);
    expect(mayImport(test, '../work-orders/sla-sweeper.js')).toBe(false);
    expect(mayImport(portal, '../work-orders/testing.js')).toBe(false);
  });

  it("lets the data layer, and only it, read a module's row types", () => {
    expect(mayImport('src/server/db/tables.ts', '../modules/users/users.tables.js')).toBe(true);
    expect(
      mayImport('src/server/modules/deeds/deeds.tables.ts', '../organizations/organizations.tables.js'),
    ).toBe(true);
    expect(mayImport(portal, '../users/users.tables.js')).toBe(false);
  });

  // A deliberate violation: the imports portal.service.ts held before work-orders had an index.ts.
  it('fails deep imports across modules, naming file, line and the import', () => {
    const violating = [
      "import { WorkOrderStep } from '../work-orders/work-order-steps.js';",
      "import { callbackStep } from '../work-orders/actions/work-order-actions.service.js';",
      "import { workOrdersService } from '../work-orders/index.js';",
      "export { attributesOf } from '../catalogue/category-attributes.js';",
      "type View = import('../work-orders/work-orders.repository.js').WorkOrderView;",
      "const lazy = () => import('../attachments/attachment-store.js');",
      "import { portalRepository } from './portal.repository.js';",
    ].join('\n');
    expect(deepImportsIn(portal, violating)).toEqual([
      { file: portal, line: 1, specifier: '../work-orders/work-order-steps.js' },
      { file: portal, line: 2, specifier: '../work-orders/actions/work-order-actions.service.js' },
      { file: portal, line: 4, specifier: '../catalogue/category-attributes.js' },
      { file: portal, line: 5, specifier: '../work-orders/work-orders.repository.js' },
      { file: portal, line: 6, specifier: '../attachments/attachment-store.js' },
    ]);
    // The same from outside the modules: app wiring, the demo generator, the CLI.
    expect(
      deepImportsIn(
        'src/server/demo/demo-district.ts',
        "import { x } from '../modules/work-orders/testing.js';",
      ),
    ).toEqual([
      { file: 'src/server/demo/demo-district.ts', line: 1, specifier: '../modules/work-orders/testing.js' },
    ]);
    expect(
      deepImportsIn('src/cli/main.ts', "import { x } from '../server/modules/users/users.service.js';"),
    ).toHaveLength(1);
  });
});
