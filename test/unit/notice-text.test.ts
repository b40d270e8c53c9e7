/**
 * A notice's text against its computed period: the clerk's "9月29日至10月8日（5个工作日）" is
 * compared with the working-day window around National Day, and a mismatch names both.
 */
import { describe, expect, it } from 'vitest';
import type { EntryData } from '../../src/domain/model.ts';
import { checkNoticeText } from '../../src/domain/rules/notice-text.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';

const cal = buildCalendar([]);
const data = (start: string, days: number) => ({ notice: { start, days } }) as unknown as EntryData;

describe('checkNoticeText', () => {
  it('names both periods when the typed end is not the computed one', () => {
    const [f] = checkNoticeText(data('2026-09-29', 5), '前言\n公示时间：9月29日至10月8日（5个工作日）。', cal);
    expect(f).toMatchObject({ line: 1, column: 5 });
    expect(f!.finding.message).toContain('9月29日至10月8日');
    expect(f!.finding.message).toContain('9月29日至10月10日（5个工作日）');
    expect(f!.finding.hint).toContain('公示时间：9月29日至10月10日（5个工作日）。');
  });
  it('compares the day count and keeps years where they were typed', () => {
    const [f] = checkNoticeText(data('2026-09-29', 5), '公示时间：2026年9月29日至2026年10月10日（7个工作日）', cal);
    expect(f!.finding.message).toContain('“7个工作日”');
    expect(f!.finding.hint).toMatch(/2026年9月29日至2026年10月10日（5个工作日）$/);
  });
  it('passes a text that agrees, lines not about the notice, and entries without a notice', () => {
    expect(checkNoticeText(data('2026-09-29', 5), '公示期：2026年9月29日至10月10日（5个工作日）', cal)).toEqual([]);
    expect(checkNoticeText(data('2026-09-29', 5), '会议于9月1日至9月3日召开，为期3个工作日。', cal)).toEqual([]);
    expect(checkNoticeText({} as EntryData, '公示时间：9月29日至10月8日', cal)).toEqual([]);
  });
  it('reads a period across the new year', () => {
    // 2026's arrangement: 1–3 January off, Sunday 4 January a working day.
    expect(checkNoticeText(data('2025-12-29', 5), '公示时间：12月29日至1月5日（5个工作日）', cal)).toEqual([]);
  });
});
