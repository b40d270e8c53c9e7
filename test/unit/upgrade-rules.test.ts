/** A county's Gongkai half a year after its release is reported as probably behind, with how to upgrade; a younger one, or one without a known release day, is not. */
import { describe, expect, it } from 'vitest';
import { checkGongkaiAge, UPGRADE_AFTER_DAYS } from '../../src/domain/rules/upgrade-rules.ts';
import { addDays } from '../../src/domain/time/day-math.ts';

describe('checkGongkaiAge', () => {
  const installed = { version: '0.2.0', released: '2026-12-08' };
  it('warns from the day the release is half a year old, at the pinned version in package.json', () => {
    expect(checkGongkaiAge(installed, addDays('2026-12-08', UPGRADE_AFTER_DAYS - 1))).toBeUndefined();
    const f = checkGongkaiAge(installed, addDays('2026-12-08', UPGRADE_AFTER_DAYS))!;
    expect(f).toMatchObject({ severity: 'warning', code: 'gongkai-outdated', path: ['dependencies', 'gongkai'] });
    expect(f.message).toBe('本站用的 Gongkai 0.2.0 是2026年12月8日发布的，已经 180 天没有升级，可能已经有新版本（修正、下一年的节假日安排）');
    expect(f.hint).toContain('npm run gongkai -- migrate');
  });
  it('says nothing without a release day (a changelog that does not name this version)', () => {
    expect(checkGongkaiAge({ version: '0.2.0' }, '2030-01-01')).toBeUndefined();
  });
});
