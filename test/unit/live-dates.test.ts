/**
 * What the browser says on the day a page is read (src/site/client/live-dates.ts) from the marks
 * the build wrote (src/site/live-format.ts): worded exactly as the build words the same day.
 */
import { describe, expect, it } from 'vitest';
import { requestClock } from '../../src/domain/requests/request-state.ts';
import { requestFrontMatterSchema } from '../../src/domain/schema/request.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { addDays } from '../../src/domain/time/day-math.ts';
import { noticeStatus, noticeWindow, formatNoticeStatus } from '../../src/domain/time/notice.ts';
import { digestCalendar } from '../../src/domain/time/work-days-digest.ts';
import { readCalendarDigest } from '../../src/domain/time/work-days-reader.ts';
import { noticeStatusOn, requestStateOn } from '../../src/site/client/live-dates.ts';
import { badgeText, changesAttr, figuresOn, frozenNote, readSpans, requestStateText, requiredOf, spansAttr, staleNote } from '../../src/site/live-format.ts';

const cal = buildCalendar([]);

describe('live dates', () => {
  it('words a notice’s status exactly as the build does, on every day around it', () => {
    // Across the National Day holiday: days off do not count.
    const w = noticeWindow({ start: '2026-09-29', days: 5 }, cal);
    const workdays: string[] = [];
    for (let d = w.start; d <= w.end; d = addDays(d, 1)) if (cal.isWorkingDay(d)) workdays.push(d);
    for (let d = '2026-09-25'; d <= '2026-10-20'; d = addDays(d, 1)) {
      const built = formatNoticeStatus(w, noticeStatus(w, d, cal));
      expect(noticeStatusOn(d, w.start, w.end, workdays).text, d).toBe(built);
    }
  });

  it('words an open request’s state and overdue working days as the build does, across National Day', () => {
    const request = {
      id: 'v-a/r',
      unit: 'v-a',
      slug: 'r',
      data: requestFrontMatterSchema.parse({ topic: 't', channel: '意见箱', received: '2026-09-28' }),
      body: '',
      source: { file: '', path: '', bodyLine: 1 },
    };
    const digest = readCalendarDigest(digestCalendar(cal, 2026, 1));
    const deadline = requestClock(request, '2026-09-28', 3, cal).deadline!;
    for (let d = '2026-09-28'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const built = requestClock(request, d, 3, cal);
      expect(requestStateOn(d, deadline, digest), d).toEqual({ state: built.state, text: requestStateText(built.state, built.daysLate) });
    }
    // Due Thursday 8 October; the make-up Saturday 10 October counts.
    expect(requestStateOn('2026-10-12', deadline, digest).text).toBe('已超期未答复（超期3个工作日）');
  });

  it('reads back the days and figures the build wrote', () => {
    const spans = [{ from: '2026-12-01', until: '2026-12-09' }, { from: '2027-01-04' }];
    expect(spansAttr(spans)).toBe('2026-12-01/2026-12-09 2027-01-04/');
    expect(readSpans(spansAttr(spans))).toEqual(spans);
    const attr = changesAttr(
      [
        { from: '2027-01-01', covered: 3, dueSoon: 2, overdue: 0, missing: 1, notDue: 0 },
        { from: '2027-01-16', covered: 3, dueSoon: 0, overdue: 2, missing: 1, notDue: 2, lastUpdate: '2027-01-12' },
      ],
      '2026-12-10',
    );
    expect(attr).toBe('22:3,2,0,1,0 37:3,0,2,1,2,2027-01-12');
    expect(figuresOn(attr, '2026-12-10', '2026-12-31')).toEqual({});
    expect(figuresOn(attr, '2026-12-10', '2027-01-01')).toEqual({ covered: 3, dueSoon: 2, overdue: 0, missing: 1, notDue: 0 });
    expect(figuresOn(attr, '2026-12-10', '2027-03-01')).toEqual({ covered: 3, dueSoon: 0, overdue: 2, missing: 1, notDue: 2, lastUpdate: '2027-01-12' });
  });

  it('says plainly when a page is out of date, and when a site’s dates are frozen', () => {
    expect(staleNote('2026-12-10', '2027-01-24')).toBe('本页按2026年12月10日的情况生成，已过45天，网站还没有更新：页面上的部分状态和数字可能已经变化。');
    expect(frozenNote({ date: '2026-11-27', source: 'as_of' })).toMatch(/^示范数据或存档：日期停在2026年11月27日。.*不随时间变化。$/);
    expect(frozenNote({ date: '2026-11-28', source: 'env' })).toContain('日期停在2026年11月28日');
    expect(frozenNote({ date: '2026-11-28', source: 'clock' })).toBeUndefined();
  });

  it('words a unit’s badge after a launch: nothing judged before the first deadline, then the figures with what is still not due', () => {
    const none = { required: 0, covered: 0, rate: 100, overdue: 0, missing: 0, lateReplies: 0, overdueRequests: 0, notDue: 15, firstDue: '2026-12-15' };
    expect(badgeText(none, '2026-12-01')).toBe('督查考评：本站2026年12月1日开通，应按时公开的15项都还没到开通后第一次公开期限（最早2026年12月15日），暂无逾期');
    const moved = { covered: 0, dueSoon: 0, overdue: 0, missing: 2, notDue: 13 };
    const f = { ...none, ...moved, required: requiredOf(moved), rate: 0 };
    expect(badgeText(f, '2026-12-01')).toBe(
      '督查考评：应按时公开2项，已按时公开0项（0%），逾期或未公开2项；本站2026年12月1日开通，另有13项还没到开通后第一次公开期限',
    );
    expect(badgeText({ ...none, notDue: 0, required: 3, covered: 3 })).toBe('督查考评：应按时公开3项，已按时公开3项（100%）');
  });
});
