/** Every diagnostic code `check` can report is explained in the clerks' guide. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('diagnostic codes', () => {
  it('are all documented in .github/guides/clerks.md', () => {
    const guide = readFileSync(join(ROOT, '.github/guides/clerks.md'), 'utf8');
    const documented = new Set([...guide.matchAll(/`([a-z][a-z0-9-]+)`/g)].map((m) => m[1]));
    const used = new Set<string>();
    for (const file of [...sources(join(ROOT, 'src/domain')), ...sources(join(ROOT, 'src/content'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:error|warning)\('([a-z][a-z0-9-]+)'|code: '([a-z][a-z0-9-]+)'/g)) used.add((m[1] ?? m[2])!);
    }
    used.delete('custom'); // zod's own issue code, never shown
    used.add('duplicate-id'); // built as `duplicate-${field}`
    expect([...used].filter((c) => !documented.has(c)).sort()).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });
});
