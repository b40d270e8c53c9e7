/** Runs of days (src/domain/time/day-spans.ts): from a rule's change days, cut and joined. */
import { describe, expect, it } from 'vitest';
import { always, inSpans, intersectSpans, spansFromSamples, subtractSpans } from '../../src/domain/time/day-spans.ts';

describe('day spans', () => {
  it('holds from each change day to the day before the next, joining neighbours; the last is open', () => {
    const days = ['2026-12-01', '2026-12-05', '2026-12-09', '2026-12-20'];
    expect(spansFromSamples(days, [true, true, false, true])).toEqual([{ from: '2026-12-01', until: '2026-12-08' }, { from: '2026-12-20' }]);
    expect(spansFromSamples(days, [false, true, true, true])).toEqual([{ from: '2026-12-05' }]);
    expect(spansFromSamples(days, [false, false, false, false])).toEqual([]);
  });

  it('cuts to a window and out of it', () => {
    const spans = [{ from: '2026-12-01' }];
    expect(intersectSpans(spans, { from: '2026-12-08', until: '2026-12-14' })).toEqual([{ from: '2026-12-08', until: '2026-12-14' }]);
    expect(subtractSpans(spans, { from: '2026-12-08', until: '2026-12-14' })).toEqual([{ from: '2026-12-01', until: '2026-12-07' }, { from: '2026-12-15' }]);
    expect(intersectSpans([{ from: '2026-12-01', until: '2026-12-03' }], { from: '2026-12-08' })).toEqual([]);
    expect(inSpans([{ from: '2026-12-01', until: '2026-12-03' }], '2026-12-03')).toBe(true);
    expect(inSpans([{ from: '2026-12-01', until: '2026-12-03' }], '2026-12-04')).toBe(false);
    expect(always(spans, '2026-12-02')).toBe(true);
    expect(always([{ from: '2026-12-03' }], '2026-12-02')).toBe(false);
  });
});
