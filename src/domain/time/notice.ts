/**
 * 公示 periods: a notice runs N working days from its start day (inclusive) and must show its
 * start and end dates. The end is computed, never typed, so a holiday inside the period
 * (Spring Festival, National Day) lengthens it in calendar days as the rules require.
 */
import { formatChineseDate, parseDate } from '../dates.ts';
import type { WorkCalendar } from './calendar.ts';
import { PROVISIONAL } from './provisional-mark.ts';

export interface NoticeWindow {
  start: string;
  /** The last working day of the notice. */
  end: string;
  /** Working days the notice runs. */
  days: number;
  /** Set when the end was counted across a year without its holiday arrangement (weekends only): shown with it. */
  provisional?: true;
}

export type NoticeState = 'upcoming' | 'running' | 'ended';

export interface NoticeStatus {
  state: NoticeState;
  /** Working days left including today (0 once ended; the full length before it starts). */
  daysLeft: number;
}

export function noticeWindow(notice: { start: string; days: number }, cal: WorkCalendar): NoticeWindow {
  // A start on a holiday or weekend does not count: the first working day after it is day 1.
  const first = cal.isWorkingDay(notice.start) ? notice.start : cal.addWorkingDays(notice.start, 1);
  const end = cal.addWorkingDays(first, notice.days - 1);
  return { start: notice.start, end, days: notice.days, ...(cal.provisionalYears(notice.start, end).length ? { provisional: true as const } : {}) };
}

export function noticeStatus(w: NoticeWindow, today: string, cal: WorkCalendar): NoticeStatus {
  if (today < w.start) return { state: 'upcoming', daysLeft: w.days };
  if (today > w.end) return { state: 'ended', daysLeft: 0 };
  const left = cal.workingDaysBetween(today, w.end) + (cal.isWorkingDay(today) ? 1 : 0);
  return { state: 'running', daysLeft: left };
}

/**
 * 公示期：2026年12月1日至12月7日（5个工作日） — the end omits the year when it is the same; an end
 * counted across a year without its holiday arrangement says so: （5个工作日，暂按周末计算）.
 */
export function formatNoticePeriod(w: NoticeWindow): string {
  const s = parseDate(w.start);
  const e = parseDate(w.end);
  const end = s.year === e.year ? `${e.month}月${e.day}日` : formatChineseDate(w.end);
  return `公示期：${formatChineseDate(w.start)}至${end}（${w.days}个工作日${w.provisional ? `，${PROVISIONAL}` : ''}）`;
}

/** 公示中，还剩3个工作日 / 公示已结束 / 公示将于2026年12月1日开始 — the status line under a notice. */
export function formatNoticeStatus(w: NoticeWindow, status: NoticeStatus): string {
  switch (status.state) {
    case 'upcoming':
      return `公示将于${formatChineseDate(w.start)}开始`;
    case 'running':
      return status.daysLeft > 0 ? `公示中，还剩${status.daysLeft}个工作日` : '公示中';
    case 'ended':
      return '公示已结束';
  }
}
