/**
 * `check` findings for the calendar: a 公示, a 点题 deadline or site.yaml's as_of that falls in
 * a year with no holiday table. Reported by check, at the field, so the build never meets the gap halfway
 * through (where it could only fail without saying which file to fix).
 */
import { error, warning, type Finding } from '../diagnostics.ts';
import type { Entry, Request } from '../model.ts';
import type { Located } from '../rules/collection-rules.ts';
import { CalendarGapError, type WorkCalendar } from './calendar.ts';
import { noticeWindow } from './notice.ts';

function gap(e: CalendarGapError, field: string[]): Finding {
  return error(
    'calendar-gap',
    e.message.split('。')[0]!,
    `新建 content/calendar/${e.year}.yaml，写明 year: ${e.year}、holidays 和 workdays（见国务院办公厅当年节假日安排通知）。`,
    field,
  );
}

function attempt(run: () => unknown): CalendarGapError | undefined {
  try {
    run();
    return undefined;
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
): Located<Entry | Request>[] {
  const out: Located<Entry | Request>[] = [];
  for (const e of entries) {
    const notice = e.data.notice;
    if (!notice) continue;
    const g = attempt(() => noticeWindow(notice, calendar));
    if (g) out.push({ doc: e, finding: gap(g, ['notice', 'start']) });
  }
  for (const r of requests) {
    if (r.data.status === 'withdrawn' || r.data.on_the_spot) continue;
    const c = r.data.clarification;
    const g = attempt(() => {
      calendar.addWorkingDays(r.data.received, replyDays);
      if (c?.answered) calendar.addWorkingDays(c.answered, replyDays);
    });
    if (g) out.push({ doc: r, finding: gap(g, ['received']) });
  }
  return out;
}

/** site.yaml's as_of is "today" for every command: its year needs a holiday table too. */
export function checkAsOfCoverage(asOf: string | undefined, calendar: WorkCalendar): Finding | undefined {
  if (!asOf) return undefined;
  const g = attempt(() => calendar.isWorkingDay(asOf));
  return g ? gap(g, ['as_of']) : undefined;
}

/**
 * A live site needs next year's holiday table before next year's deadlines are computed: the
 * State Council publishes it in November, so from 1 December its absence is a warning, and from
 * 1 January (when the build could no longer count working days) an error.
 */
export function checkComingYearCalendar(today: string, calendar: WorkCalendar): Finding | undefined {
  const year = Number(today.slice(0, 4));
  const current = attempt(() => calendar.isWorkingDay(`${year}-01-01`));
  if (current) return gap(current, []);
  if (today.slice(5, 7) !== '12') return undefined;
  const next = attempt(() => calendar.isWorkingDay(`${year + 1}-01-01`));
  if (!next) return undefined;
  return warning(
    'calendar-next-year',
    `${year + 1}年节假日安排还没有录入：1月1日起将无法计算公示和点题答复期限，构建会停止`,
    `国务院办公厅发布通知后，请新建 content/calendar/${year + 1}.yaml（year、holidays、workdays），或更新 chinese-days 软件包（npm update chinese-days）。`,
  );
}
