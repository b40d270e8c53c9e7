/** The working days a page carries (src/domain/time/work-days-digest.ts, work-days-reader.ts): small, and counted as the calendar counts. */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { addDays } from '../../src/domain/time/day-math.ts';
import { digestCalendar } from '../../src/domain/time/work-days-digest.ts';
import { readCalendarDigest } from '../../src/domain/time/work-days-reader.ts';

describe('working-day digest', () => {
  const cal = buildCalendar([{ year: 2027, holidays: [{ from: '2027-01-01', to: '2027-01-03' }, '2027-02-08'], workdays: ['2027-02-06'], replace: false }]);
  const digest = digestCalendar(cal, 2026, 2);

  it('holds the known years with their exceptions, in a few hundred characters each', () => {
    expect(digest.startsWith('2026 -0101 -0102 +0104 ')).toBe(true);
    expect(digest).toContain('2027 -0101 +0206 -0208');
    expect(digest.length).toBeLessThan(400);
  });

  it('counts working days as the calendar does, and nothing in a year it does not hold', () => {
    const read = readCalendarDigest(digest);
    expect(read.lastDay).toBe('2027-12-31');
    for (let from = '2026-01-01'; from <= '2027-12-01'; from = addDays(from, 17)) {
      const to = addDays(from, 23);
      expect(read.workingDaysBetween(from, to), from).toBe(cal.workingDaysBetween(from, to));
    }
    expect(read.workingDaysBetween('2027-12-20', '2028-01-05')).toBeUndefined();
    expect(read.covers('2028-01-01')).toBe(false);
    expect(read.provisionalYears('2026-01-01', '2027-12-31')).toEqual([]);
  });

  it('writes a year without its arrangement as weekends only, marked, and counts it as the calendar does', () => {
    // Far from the bundled tables: 2090 known by a county file, 2091 not.
    const far = buildCalendar([{ year: 2090, holidays: ['2090-12-29'], workdays: [], replace: false }]);
    const d = digestCalendar(far, 2090, 2);
    expect(d.endsWith(' 2091*')).toBe(true);
    const read = readCalendarDigest(d);
    expect(read.lastDay).toBe('2091-12-31');
    expect(read.workingDaysBetween('2090-12-20', '2091-01-20')).toBe(far.workingDaysBetween('2090-12-20', '2091-01-20'));
    expect(read.provisionalYears('2091-01-02', '2090-12-25')).toEqual([2091]);
    expect(read.provisionalYears('2090-12-01', '2090-12-31')).toEqual([]);
  });
});
