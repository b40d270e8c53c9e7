/** "Today" as an input: --today > GONGKAI_TODAY > site.yaml as_of > the clock (or a release's commit date). */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { clockFrom, resolveToday as resolve, shanghaiDate, todayLine, todayNote, type TodayInputs } from '../../src/domain/time/today.ts';
import { machineToday } from '../../src/cli/args.ts';

// A fixed clock: 2026-11-27T17:30Z is already the 28th in Beijing.
const CLOCK = () => new Date('2026-11-27T17:30:00Z');
const resolveToday = (inputs: Omit<TodayInputs, 'clock'>) => resolve({ clock: CLOCK, ...inputs });

describe('resolveToday', () => {
  it('takes --today over GONGKAI_TODAY over as_of over the fallback', () => {
    const fallback = { date: '2026-11-20', source: 'commit' } as const;
    expect(resolveToday({ flag: '2026-11-30', env: '2026-11-29', asOf: '2026-11-27', fallback })).toEqual({ date: '2026-11-30', source: 'flag' });
    expect(resolveToday({ env: '2026-11-29', asOf: '2026-11-27', fallback })).toEqual({ date: '2026-11-29', source: 'env' });
    expect(resolveToday({ env: '', asOf: '2026-11-27', fallback })).toEqual({ date: '2026-11-27', source: 'as_of' });
    expect(resolveToday({ env: undefined, fallback })).toEqual(fallback);
  });

  it('falls back to the clock it is given, as a date in Asia/Shanghai, whatever the machine zone', () => {
    expect(resolveToday({ env: undefined })).toEqual({ date: '2026-11-28', source: 'clock' });
    // 17:30 UTC is already the next morning in Beijing.
    expect(shanghaiDate(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28');
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
  });

  it('on the command line, reads GONGKAI_TODAY and the clock from the machine', () => {
    const saved = process.env.GONGKAI_TODAY;
    process.env.GONGKAI_TODAY = '2026-10-09';
    try {
      expect(resolve({ ...machineToday(), asOf: '2026-11-27' })).toEqual({ date: '2026-10-09', source: 'env' });
      delete process.env.GONGKAI_TODAY;
      expect(resolve(machineToday())).toEqual({ date: shanghaiDate(new Date()), source: 'clock' });
    } finally {
      if (saved === undefined) delete process.env.GONGKAI_TODAY;
      else process.env.GONGKAI_TODAY = saved;
    }
  });

  it('names the flag or the variable when the date is not a real one', () => {
    expect(() => resolveToday({ flag: '2026-02-30' })).toThrow(UsageError);
    expect(() => resolveToday({ flag: '2026-02-30' })).toThrow(/2026年2月没有30日.*--today/);
    expect(() => resolveToday({ env: '2026/11/28' })).toThrow(/环境变量 GONGKAI_TODAY/);
  });

  it('says which day is used and why, and stays silent for the clock', () => {
    expect(todayNote({ date: '2026-11-27', source: 'as_of' }, '统计日期')).toBe(
      '统计日期：2026年11月27日（来自 site.yaml 的 as_of：示范数据或存档快照的基准日期，正式站点不要设置）',
    );
    expect(todayNote({ date: '2026-11-27', source: 'clock' })).toBeUndefined();
    expect(todayLine({ date: '2026-11-27', source: 'commit' })).toContain('该版本的提交日期');
  });

  it('lets GONGKAI_CLOCK stand in for the clock: a build as of that day that still follows the clock', () => {
    const machine = () => new Date('2030-01-01T00:00:00Z');
    expect(clockFrom(undefined, machine)).toBe(machine);
    expect(clockFrom('', machine)).toBe(machine);
    expect(resolve({ clock: clockFrom('2026-12-10', machine) })).toEqual({ date: '2026-12-10', source: 'clock' });
    // --today, GONGKAI_TODAY and as_of still come first.
    expect(resolve({ asOf: '2026-11-27', clock: clockFrom('2026-12-10', machine) }).source).toBe('as_of');
    expect(() => clockFrom('2026-12-32', machine)).toThrow(/环境变量 GONGKAI_CLOCK 的日期无效/);
  });
});
