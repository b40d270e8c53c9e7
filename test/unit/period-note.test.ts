/** The period rule said where a title names another period than the one an entry is published for. */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.ts';
import { periodNote } from '../../src/domain/period-note.ts';

const p = (s: string) => parsePeriod(s)!;

describe('periodNote', () => {
  it('explains a title that names the half-year before the one published for', () => {
    const note = periodNote('桃花村党支部2026年上半年党费收缴情况', p('2026-H2'));
    expect(note).toContain('“2026年上半年”是所报告的情况');
    expect(note).toContain('2026年下半年这一期的公开内容');
  });

  it('says nothing when the title agrees, names no period, or names this one among others', () => {
    expect(periodNote('2026年下半年党费收缴情况公开', p('2026-H2'))).toBeUndefined();
    expect(periodNote('党费收缴情况', p('2026-H2'))).toBeUndefined();
    expect(periodNote('2026年下半年党务工作计划和2026年上半年工作完成情况', p('2026-H2'))).toBeUndefined();
  });

  it('reads quarters in figures or characters, and years', () => {
    expect(periodNote('2026年第三季度学习情况', p('2026-Q4'))).toContain('“2026年第三季度”');
    expect(periodNote('第3季度意见建议办理反馈', p('2026-Q4'))).toContain('“第3季度”');
    expect(periodNote('2025年度述职述廉报告', p('2026'))).toContain('“2025年度”');
    expect(periodNote('2026年第四季度学习情况', p('2026-Q4'))).toBeUndefined();
  });
});
