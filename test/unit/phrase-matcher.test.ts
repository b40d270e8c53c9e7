/**
 * The leak scan's phrase matcher against the plain definition — a phrase is found exactly when
 * the text contains it — on random Chinese, ASCII and mixed texts, with overlapping,
 * nested and repeated phrases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/domain/safety/phrase-matcher.ts';

// A small alphabet, so phrases overlap, nest and occur by chance.
const char = fc.constantFrom('党', '支', '部', '会', '议', '村', 'a', 'b', '1', '·', '😀');
const phrase = fc.array(char, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const text = fc.array(char, { maxLength: 200 }).map((cs) => cs.join(''));

describe('PhraseMatcher', () => {
  it('finds exactly the phrases the text contains, each position of a repeated phrase once', () => {
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 12 }), text, (phrases, t) => {
        const expected = phrases.flatMap((p, i) => (t.includes(p) ? [i] : []));
        expect(new PhraseMatcher(phrases).found(t)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a withheld sentence planted in a page', () => {
    const m = new PhraseMatcher(['本支部党员大会讨论了发展对象人选', 'zhang@example.cn']);
    expect(m.found('<p>本支部党员大会讨论了发展对象人选。</p>')).toEqual([0]);
    expect(m.found('作者 zhang@example.cn；本支部党员大会讨论了发展对象人选')).toEqual([0, 1]);
    expect(m.found('本支部党员大会讨论了发展')).toEqual([]);
  });
});
