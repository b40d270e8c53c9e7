/**
 * `check` findings for the calendar, reported at the field so the build never meets a gap
 * halfway through (where it could only fail without saying which file to fix):
 *
 * - a 公示, a 点题 deadline or site.yaml's as_of in a year the calendar cannot count: before the
 *   holiday tables, or further ahead than a year without its arrangement can be guessed — later
 *   than both next year (its arrangement comes out in November) and the build's own year (the
 *   site never stops for a missing year: calendar.ts counts it from weekends only). Such a date
 *   is almost always mistyped;
 * - for a live site (the go-live check), the holiday table lagging: next year's arrangement
 *   missing from October, this year's missing (deadlines are then guesses, marked on the pages).
 */
import { error, warning, type Finding } from '../diagnostics.ts';
import type { Entry, Request } from '../model.ts';
import type { Located } from '../rules/collection-rules.ts';
import { CalendarGapError, type WorkCalendar } from './calendar.ts';
import { noticeWindow } from './notice.ts';
import { howToAddYear } from './provisional.ts';
import { PROVISIONAL } from './provisional-mark.ts';

function gap(e: CalendarGapError, field: string[]): Finding {
  return error(
    'calendar-gap',
    e.message.split('。')[0]!,
    `新建 content/calendar/${e.year}.yaml，写明 year: ${e.year}、holidays 和 workdays（见国务院办公厅当年节假日安排通知）；日期写错了的，请改正日期。`,
    field,
  );
}

/** The latest year a date may fall in without its arrangement: next year after the data, or the build's own. */
export function latestGuessedYear(calendar: WorkCalendar, today: string): number {
  return Math.max(calendar.lastKnownYear + 1, Number(today.slice(0, 4)));
}

/** Runs a computation over `from`…its result; a year it cannot count, or should not guess, comes back as the error. */
function attempt(calendar: WorkCalendar, today: string, run: () => readonly string[]): CalendarGapError | undefined {
  try {
    const dates = run();
    const far = calendar
      .provisionalYears(
        dates.reduce((a, b) => (a < b ? a : b)),
        dates.reduce((a, b) => (a > b ? a : b)),
      )
      .find((y) => y > latestGuessedYear(calendar, today));
    return far === undefined ? undefined : new CalendarGapError(far);
  } catch (e) {
    if (e instanceof CalendarGapError) return e;
    throw e;
  }
}

export function checkCalendarCoverage(
  entries: readonly Entry[],
  requests: readonly Request[],
  calendar: WorkCalendar,
  replyDays: number,
  today: string,
): Located<Entry | Request>[] {
  const out: Located<Entry | Request>[] = [];
  for (const e of entries) {
    const notice = e.data.notice;
    if (!notice) continue;
    const g = attempt(calendar, today, () => [notice.start, noticeWindow(notice, calendar).end]);
    if (g) out.push({ doc: e, finding: gap(g, ['notice', 'start']) });
  }
  for (const r of requests) {
    if (r.data.status === 'withdrawn' || r.data.on_the_spot) continue;
    const c = r.data.clarification;
    const g = attempt(calendar, today, () => [
      r.data.received,
      calendar.addWorkingDays(r.data.received, replyDays),
      ...(c?.answered ? [calendar.addWorkingDays(c.answered, replyDays)] : []),
    ]);
    if (g) out.push({ doc: r, finding: gap(g, ['received']) });
  }
  return out;
}

/** site.yaml's as_of is "today" for every command: its year must be one the calendar can count. */
export function checkAsOfCoverage(asOf: string | undefined, calendar: WorkCalendar, today: string): Finding | undefined {
  if (!asOf) return undefined;
  const g = attempt(calendar, today, () => {
    calendar.isWorkingDay(asOf); // a year before the tables throws
    return [asOf];
  });
  return g ? gap(g, ['as_of']) : undefined;
}

/**
 * A live site needs each year's holiday arrangement before its deadlines are computed. The State
 * Council publishes next year's in November: from 1 October its absence is a warning, and from
 * 1 January, while it is still missing, the site's deadlines in it are guesses — the site keeps
 * publishing them, marked, and this says so on every check.
 */
export function checkComingYearCalendar(today: string, calendar: WorkCalendar): Finding | undefined {
  const year = Number(today.slice(0, 4));
  if (calendar.isProvisional(today))
    return warning(
      'calendar-provisional',
      `${year}年节假日安排还没有录入：今年的公示和点题期限暂按周末计算，网站、公开栏和明白卡上都标明“${PROVISIONAL}”`,
      howToAddYear(year),
    );
  if (Number(today.slice(5, 7)) < 10 || !calendar.isProvisional(`${year + 1}-01-01`)) return undefined;
  return warning(
    'calendar-next-year',
    `${year + 1}年节假日安排还没有录入：跨进${year + 1}年的公示和点题期限将暂按周末计算，并标明“${PROVISIONAL}”`,
    howToAddYear(year + 1),
  );
}
