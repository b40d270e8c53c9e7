/** What the browser says of a 公示 or an open request on the day a page is read (src/site/client/live-dates.ts). */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { noticeStatus, noticeWindow, formatNoticeStatus } from '../../src/domain/time/notice.ts';
import { addDays } from '../../src/domain/time/day-math.ts';
import { noticeStatusOn, requestStateOn } from '../../src/site/client/live-dates.ts';

describe('live dates', () => {
  it('words a notice’s status exactly as the build does, on every day around it', () => {
    const cal = buildCalendar([]);
    // Across the National Day holiday: days off do not count.
    const w = noticeWindow({ start: '2026-09-29', days: 5 }, cal);
    const workdays: string[] = [];
    for (let d = w.start; d <= w.end; d = addDays(d, 1)) if (cal.isWorkingDay(d)) workdays.push(d);
    for (let d = '2026-09-25'; d <= '2026-10-20'; d = addDays(d, 1)) {
      const built = formatNoticeStatus(w, noticeStatus(w, d, cal));
      expect(noticeStatusOn(d, w.start, w.end, workdays).text, d).toBe(built);
    }
  });

  it('moves an open request from 办理中 to 今天到期 to 已超期未答复', () => {
    expect(requestStateOn('2026-11-26', '2026-11-27')).toBe('办理中');
    expect(requestStateOn('2026-11-27', '2026-11-27')).toBe('今天到期');
    expect(requestStateOn('2026-11-30', '2026-11-27')).toBe('已超期未答复');
  });
});
