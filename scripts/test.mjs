#!/usr/bin/env node
// `npm test`: lint, typecheck, the unit and integration suites (SQLite and PostgreSQL), then the
// browser suite against a fresh build of the web app. Stops at the first failing step and ends
// with one summary line of all tests run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'test-artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const steps = [
  { title: 'lint (biome)', command: bin('biome'), args: ['check', '.'] },
  { title: 'typecheck (tsc)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  {
    title: 'unit and integration tests (SQLite + PostgreSQL)',
    command: bin('vitest'),
    args: [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(artifacts, 'vitest-unit.json')}`,
    ],
    report: 'vitest-unit.json',
  },
  { title: 'web build (vite)', command: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  {
    title: 'browser tests (chromium)',
    command: bin('vitest'),
    args: [
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(artifacts, 'vitest-e2e.json')}`,
    ],
    report: 'vitest-e2e.json',
  },
];

/**
 * The failed tests of a vitest JSON report, each with the first lines of its error: CI keeps only
 * the tail of the output, so the cause has to be repeated after the long reporter output.
 */
// The terminal colour codes vitest puts in its messages (ESC [ … m).
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function failureSummary(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const where = path.relative(root, file.name);
      const message = (test.failureMessages?.[0] ?? '')
        .replace(ANSI_COLOUR, '')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(0, 6)
        .map((line) => `      ${line.slice(0, 200)}`)
        .join('\n');
      lines.push(`  ✗ ${where} › ${test.fullName}\n${message}`);
    }
  }
  return lines.join('\n');
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of steps) {
  process.stdout.write(`\n=== ${step.title} ===\n`);
  if (step.report) fs.rmSync(path.join(artifacts, step.report), { force: true });
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
  if (step.report && fs.existsSync(path.join(artifacts, step.report))) {
    const report = JSON.parse(fs.readFileSync(path.join(artifacts, step.report), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTests > 0) {
      process.stdout.write(`\nFailed tests (${step.title}):\n${failureSummary(report)}\n`);
    }
  }
  if (result.status !== 0) {
    process.stdout.write(
      `\nFAILED: ${step.title}\n${passed} passed, ${Math.max(failed, 1)} failed, ${skipped} skipped\n`,
    );
    process.exit(result.status ?? 1);
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
