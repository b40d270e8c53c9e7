/**
 * The working-day calendar: which days count for deadlines (点题 replies, 公示 periods).
 *
 * Chinese working days are not Monday–Friday: statutory holidays are off and some weekends
 * are make-up working days (调休). The State Council tables come from the `chinese-days`
 * data package; content/calendar/*.yaml corrects or extends them (a county adds next year
 * as soon as the notice is out).
 *
 * A year after the data whose arrangement is not known yet — next year until the State Council
 * publishes it in November and the package or the county's file brings it in — is counted from
 * weekends only, and every day of it is *provisional*: whatever is computed across it (a
 * notice's end, a reply deadline, days overdue) says so wherever it is shown (暂按周末计算), so
 * a guess never passes for the official date, and the site never stops on 1 January. A year
 * before the data is an error (CalendarGapError): nobody publishes deadlines there.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarFile } from '../schema/calendar.ts';
import { addDays, weekday } from './day-math.ts';

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date` (day 0 = `date` itself); negative n counts back. */
  addWorkingDays(date: string, n: number): string;
  /** Working days in (from, to]: addWorkingDays(from, n) is n working days after `from`. */
  workingDaysBetween(from: string, to: string): number;
  /** Whether the day's year has no official arrangement yet, so it is counted from weekends only. */
  isProvisional(date: string): boolean;
  /** The provisional years from one day to another (either order, both included), earliest first: empty when all are known. */
  provisionalYears(from: string, to: string): number[];
  /** The last year with an official arrangement (the package's or a county's file). */
  lastKnownYear: number;
}

/** A date falls in a year before the holiday tables (or a check refuses a far year): say so, and how to fix it. */
export class CalendarGapError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(
      `${year}年节假日安排尚未录入，无法计算工作日。` +
        `请在国务院办公厅发布${year}年节假日安排通知后，新建 content/calendar/${year}.yaml，` +
        `写明 year: ${year}、holidays（放假日期或区间）和 workdays（调休上班日期），` +
        `或更新 chinese-days 软件包。`,
    );
    this.name = 'CalendarGapError';
    this.year = year;
  }
}

type DayKind = 'off' | 'work';

interface BuiltIn {
  years: Set<number>;
  days: Map<string, DayKind>;
}

/** chinese-days lists holidays and make-up working days per date; a year is covered if any holiday is listed. */
function builtIn(): BuiltIn {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const days = new Map<string, DayKind>();
  const years = new Set<number>();
  for (const date of Object.keys(data.holidays)) {
    days.set(date, 'off');
    years.add(Number(date.slice(0, 4)));
  }
  for (const date of Object.keys(data.workdays)) days.set(date, 'work');
  return { years, days };
}

function expand(day: string | { from: string; to: string }): string[] {
  if (typeof day === 'string') return [day];
  const out: string[] = [];
  for (let d = day.from; d <= day.to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function buildCalendar(corrections: readonly CalendarFile[]): WorkCalendar {
  const base = builtIn();
  const days = new Map(base.days);
  const years = new Set(base.years);
  // Replacements first, so an amending file for the same year still applies on top.
  const ordered = [...corrections].sort((a, b) => Number(b.replace) - Number(a.replace));
  for (const file of ordered) {
    if (file.replace) {
      for (const date of [...days.keys()]) if (date.startsWith(`${file.year}-`)) days.delete(date);
    }
    years.add(file.year);
    for (const h of file.holidays) for (const d of expand(h)) days.set(d, 'off');
    for (const d of file.workdays) days.set(d, 'work');
  }

  const firstYear = Math.min(...years);
  const lastKnownYear = Math.max(...years);
  const provisional = (year: number) => year > firstYear && !years.has(year);

  function isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (year < firstYear) throw new CalendarGapError(year);
    const kind = days.get(date);
    if (kind) return kind === 'work';
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  function provisionalYears(from: string, to: string): number[] {
    const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
    const out: number[] = [];
    for (let y = a; y <= b; y++) if (provisional(y)) out.push(y);
    return out;
  }

  function addWorkingDays(date: string, n: number): string {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = date;
    while (left > 0) {
      d = addDays(d, step);
      if (isWorkingDay(d)) left--;
    }
    return d;
  }

  function workingDaysBetween(from: string, to: string): number {
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  }

  return {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    isProvisional: (date) => provisional(Number(date.slice(0, 4))),
    provisionalYears,
    lastKnownYear,
  };
}
