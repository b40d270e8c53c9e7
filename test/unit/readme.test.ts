/**
 * The README is the front door: short enough to read at once, pointing each reader to a guide
 * (every guide in .github/guides) and maintainers to ARCHITECTURE.md, with the exit codes the
 * program really returns. The rest lives in the guides, ARCHITECTURE.md and the performance notes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/errors.ts';
import { ROOT } from '../helpers.ts';

const README = join(ROOT, 'README.md');
const text = readFileSync(README, 'utf8');

describe('README', () => {
  it('stays a front door of at most 12 KB', () => {
    expect(statSync(README).size).toBeLessThanOrEqual(12 * 1024);
  });

  it('links every guide, the architecture and the performance notes', () => {
    const guides = readdirSync(join(ROOT, '.github/guides')).filter((f) => f.endsWith('.md'));
    expect(guides.length).toBeGreaterThanOrEqual(5);
    for (const target of [...guides.map((g) => `.github/guides/${g}`), 'ARCHITECTURE.md', '.github/docs/performance.md', 'CHANGELOG.md'])
      expect(text, target).toContain(`](${target})`);
  });

  it('lists exactly the exit codes the program returns', () => {
    const lines = text.slice(text.indexOf('| 退出码 | 含义 | 例子 |')).split('\n');
    const end = lines.findIndex((l) => !l.startsWith('|'));
    const codes = lines
      .slice(2, end === -1 ? undefined : end)
      .map((row) => Number(row.split('|')[1]!.trim()))
      .sort();
    expect(codes).toEqual([...new Set([0, ...Object.values(EXIT_CODES)])].sort());
  });
});
