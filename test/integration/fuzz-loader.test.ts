/**
 * Fuzz-style: random bytes, mutated front matter, random YAML and Markdown thrown at the
 * loader. It must never throw, and every file must be either accepted or explained.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, GOOD_FM, load, put } from '../helpers.ts';

/** mulberry32: an integer PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  ':',
  '：',
  '\n',
  '\t',
  '\u3000',
  '-',
  '---',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '|',
  '>',
  '#',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '\\',
  '\u0000',
  '\ufeff',
  '\r',
  '2026-02-30',
  '党',
  '★',
  '秘密★',
  '<script>',
  '![x](../../../etc/passwd)',
  '[x](javascript:1)',
  '13812345678',
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loader under random input', () => {
  it('never throws and explains every file it rejects', () => {
    const rand = prng(20261128);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const dir = copyMini();
    dirs.push(dir);
    const written: string[] = [];
    for (let i = 0; i < 240; i++) {
      const rel = `entries/v-demo-a/2026/fuzz-${i}.md`;
      const kind = i % 4;
      let content: string | Uint8Array;
      if (kind === 0) {
        content = Uint8Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256));
      } else if (kind === 1) {
        const chars = [...ENTRY(GOOD_FM, '正文。')];
        for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) {
          const at = Math.floor(rand() * chars.length);
          const op = rand();
          if (op < 0.4) chars.splice(at, 1);
          else if (op < 0.8) chars.splice(at, 0, pick(NASTY));
          else chars[at] = pick(NASTY);
        }
        content = chars.join('');
      } else if (kind === 2) {
        content = `---\n${Array.from({ length: 1 + Math.floor(rand() * 8) }, () => `${pick(['title', 'item', 'date', 'notice', 'period', 'x', '标题'])}${pick([': ', ':', '：', ': [', ': {', ':\n  - '])}${pick(NASTY)}${pick(NASTY)}`).join('\n')}\n---\n`;
      } else {
        content = ENTRY(GOOD_FM, Array.from({ length: 20 }, () => pick(NASTY)).join(pick(['', ' ', '\n'])));
      }
      put(dir, rel, content);
      written.push(rel);
    }
    const result = load(dir);
    const accepted = new Set(result.project!.entries.map((e) => e.source.file));
    const explained = new Set(result.diagnostics.map((d) => d.file));
    const unexplained = written.filter((f) => !accepted.has(f) && !explained.has(f));
    expect(unexplained).toEqual([]);
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    }
  }, 60_000);
});
