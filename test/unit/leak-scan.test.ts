/** Shortening ASCII runs before matching must never hide a needle that the full text contains. */
import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/domain/safety/phrase-matcher.ts';
import { asciiCompactor } from '../../src/pipeline/leak-scan.ts';
import { Rng } from '../../scripts/demo/rng.ts';

const found = (needles: string[], text: string) => new Set(new PhraseMatcher(needles).found(text));

describe('asciiCompactor', () => {
  it('keeps every match of mixed Chinese/ASCII needles, at run edges and inside', () => {
    const needles = ['2025年第3号会议纪要', '关于X村道路a1b2c3', '纪要DOC-77', '党内通报'];
    const r = new Rng(7); // reproducible cases
    const ascii = [...'abcdefghij<>="/0123456789'];
    const asciiRun = (n: number) => Array.from({ length: n }, () => r.pick(ascii)).join('');
    const compact = asciiCompactor(needles);
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [];
      for (let j = 0; j < 6; j++) {
        parts.push(asciiRun(r.int(0, 80)));
        if (r.chance(50)) parts.push(r.pick(needles));
        else parts.push('公开内容');
      }
      const text = parts.join('');
      const short = compact(text);
      expect(found(needles, short)).toEqual(found(needles, text));
      expect(short.length).toBeLessThanOrEqual(text.length);
    }
  });

  it('shortens long markup runs', () => {
    const compact = asciiCompactor(['第3号文件']);
    expect(compact(`${'<p>x</p>'.repeat(100)}第3号文件`).length).toBeLessThan(20);
  });

  it('leaves text alone when a needle is ASCII only', () => {
    const compact = asciiCompactor(['ABC-123', '第3号']);
    const text = `${'x'.repeat(500)}ABC-123${'y'.repeat(500)}`;
    expect(compact(text)).toBe(text);
  });
});
