/**
 * `check` findings for the calendar: a 公示, a 点题 deadline or site.yaml's as_of that falls in
 * a year with no holiday table. Reported by check, at the field, so the build never meets the gap halfway
 * through (where it could only fail without saying which file to fix).
 */
import { error, type Finding } from '../diagnostics.ts';
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
