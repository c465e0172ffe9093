import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from './audit-actions.js';
import { STEP_LABELS } from './work-orders.js';

const CJK = /[\u4e00-\u9fff]/;

/** Every `action: '…'` literal the server writes (its tests excepted), with the file it is in. */
function actionLiteralsInServer(): { code: string; file: string }[] {
  const root = path.resolve(import.meta.dirname, '../server');
  const found: { code: string; file: string }[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = fs.readFileSync(file, 'utf8');
    for (const line of source.matchAll(/\baction: ([^,\n]+)/g)) {
      for (const literal of (line[1] ?? '').matchAll(/'([a-z0-9_]+\.[a-z0-9_.]+)'/g)) {
        found.push({ code: literal[1] ?? '', file: path.relative(root, file) });
      }
    }
  }
  return found;
}

describe('audit action labels', () => {
  it('names every action in Chinese and in English', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label.zh, code).toMatch(CJK);
      expect(label.en, code).not.toMatch(CJK);
      expect(label.en.trim().length, code).toBeGreaterThan(2);
    }
  });

  it('has a label for every action literal the server writes', () => {
    const literals = actionLiteralsInServer();
    expect(literals.length).toBeGreaterThan(40);
    const unlabelled = literals.filter(({ code }) => auditActionLabel(code, 'zh') === code);
    expect(unlabelled).toEqual([]);
  });

  it('names work-order steps after the steps themselves, and shows an unknown code as it is', () => {
    for (const step of Object.keys(STEP_LABELS)) {
      expect(auditActionLabel(`workorder.${step}`, 'zh')).toMatch(/^工单/);
      expect(auditActionLabel(`workorder.${step}`, 'en')).toMatch(/^Order: /);
    }
    expect(auditActionLabel('workorder.receive', 'zh')).toBe('工单受理');
    expect(auditActionLabel('region.boundaries_generated', 'zh')).toBe('生成示意边界');
    expect(auditActionLabel('open311.key_created', 'en')).toBe('Open311 key issued');
    expect(auditActionLabel('something.from_an_older_version', 'en')).toBe('something.from_an_older_version');
  });
});
