/**
 * The clerks' guide lists exactly the diagnostic codes the program emits: every code `check`
 * can report is explained, and the table names no code that is never reported.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// A code is a kebab-case literal where a finding is made: error('…', warning('…, code: '…',
// a default `code = '…'`, or a helper's second argument at(node, '…'.
const EMITTED = /(?:\b(?:error|warning)\(\s*|\bcode:\s*|\bcode = |\bat\([^,]+,\s*)'([a-z][a-z0-9]*(?:-[a-z0-9]+)*)'/g;

function emittedCodes(): Set<string> {
  const used = new Set<string>();
  for (const file of [...sources(join(ROOT, 'src/domain')), ...sources(join(ROOT, 'src/load'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(EMITTED)) used.add(m[1]!);
  }
  // registry-rules builds `duplicate-${field}` for field id; catalog items report duplicate-item directly.
  used.add('duplicate-id');
  used.delete('custom'); // zod's own issue code, turned into invalid-field
  return used;
}

function documentedCodes(): Set<string> {
  const guide = readFileSync(join(ROOT, '.github/guides/clerks.md'), 'utf8');
  // Only the codes table itself: the guide's appendices have tables of fields that are no codes.
  const lines = guide.slice(guide.indexOf('| 代码 | 含义 | 怎么改 |')).split('\n');
  const end = lines.findIndex((l) => !l.startsWith('|'));
  const rows = lines.slice(0, end === -1 ? undefined : end).filter((l) => l.startsWith('| `'));
  return new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([a-z][a-z0-9-]+)`/g)].map((m) => m[1]!)));
}

describe('diagnostic codes in the clerks guide', () => {
  it('documents every code the program emits', () => {
    const documented = documentedCodes();
    expect([...emittedCodes()].filter((c) => !documented.has(c)).sort()).toEqual([]);
  });
  it('documents no code the program never emits', () => {
    const emitted = emittedCodes();
    expect([...documentedCodes()].filter((c) => !emitted.has(c)).sort()).toEqual([]);
  });
  it('finds the codes at all (the patterns still match the source)', () => {
    expect(emittedCodes().size).toBeGreaterThan(80);
    expect(documentedCodes().size).toBeGreaterThan(80);
  });
});
