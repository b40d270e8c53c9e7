import { describe, expect, it } from 'vitest';
import { dateProblem, formatChineseDate, guessIsoDate } from '../../src/domain/dates.ts';
import { formatPeriod, parsePeriod, periodContaining } from '../../src/domain/period.ts';

describe('dates', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    expect(dateProblem('2026-07-01')).toBeUndefined();
    expect(dateProblem('2028-02-29')).toBeUndefined();
  });
  it('explains dates that do not exist', () => {
    expect(dateProblem('2026-02-30')).toBe('2026年2月没有30日（该月只有28天）');
    expect(dateProblem('2026-13-01')).toBe('2026年没有13月');
    expect(dateProblem('2026/7/1')).toContain('不是“年-月-日”格式');
  });
  it('guesses the ISO form of common Chinese date spellings', () => {
    expect(guessIsoDate('2026年7月1日')).toBe('2026-07-01');
    expect(guessIsoDate('2026/7/1')).toBe('2026-07-01');
    expect(guessIsoDate('2026-02-30')).toBeUndefined();
  });
  it('formats dates the Chinese way', () => {
    expect(formatChineseDate('2026-12-01')).toBe('2026年12月1日');
  });
});

describe('periods', () => {
  it('parses the four period forms with their spans', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'annual', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026-H2')).toMatchObject({ kind: 'semiannual', index: 2, start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarterly', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2026-02')).toMatchObject({ kind: 'monthly', start: '2026-02-01', end: '2026-02-28' });
  });
  it('rejects malformed periods', () => {
    for (const p of ['2026-H3', '2026-Q5', '2026-13', '26', '2026H1', '2026-q1']) expect(parsePeriod(p)).toBeUndefined();
  });
  it('finds the period containing a date and names it in Chinese', () => {
    expect(formatPeriod(periodContaining('quarterly', '2026-08-15'))).toBe('2026年第三季度');
    expect(formatPeriod(periodContaining('semiannual', '2026-06-30'))).toBe('2026年上半年');
    expect(formatPeriod(periodContaining('monthly', '2026-07-31'))).toBe('2026年7月');
  });
});
