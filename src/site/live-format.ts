/**
 * What a page says about dates, and the compact marks it carries so its script can say it on
 * a later day: written by the components at build time and read by src/site/client/
 * live-dates.ts in the browser, from this one module, so the two never word a thing apart.
 *
 *   data-on="2026-12-01/2026-12-09 2027-01-04/"  the days an element is shown (open end: for good)
 *   data-changes="34:3,2,0,1,0,2026-11-20"      a unit's 督查考评 figures from the 34th day after the
 *                                                build on (covered, due soon, overdue, missing, not yet
 *                                                due after the launch, and the last update when it moves)
 *   data-work-calendar="2026 -0101 … +0104 …"    the working days (domain/time/work-days-digest.ts)
 *   data-valid-until="2027-01-31"                after this day the page cannot know; it says so
 */
import { formatChineseDate } from '../domain/dates.ts';
import { REQUEST_STATE_LABELS, REQUEST_STATES, type RequestState } from '../domain/requests/request-state.ts';
import { PROVISIONAL } from '../domain/time/provisional-mark.ts';
import { daysBetween } from '../domain/time/day-math.ts';
import type { DaySpan } from '../domain/time/day-spans.ts';
import type { Today } from '../domain/time/today.ts';

export function spansAttr(spans: readonly DaySpan[]): string {
  return spans.map((s) => `${s.from}/${s.until ?? ''}`).join(' ');
}

export function readSpans(attr: string): DaySpan[] {
  return attr
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const [from, until] = s.split('/');
      return until ? { from: from!, until } : { from: from! };
    });
}

/** A unit's 督查考评 figures from a day on; `lastUpdate` only when it moves (no git record to read it from). */
export interface FigureChange {
  from: string;
  covered: number;
  dueSoon: number;
  overdue: number;
  missing: number;
  /** Items whose first deadline after the launch (site.yaml launch) is still ahead. */
  notDue: number;
  lastUpdate?: string;
}

/** Days are counted from the build's day (the page's data-today): `34:0,13,0,2,0`. */
export function changesAttr(changes: readonly FigureChange[], built: string): string {
  return changes
    .map(
      (c) =>
        `${daysBetween(built, c.from)}:${c.covered},${c.dueSoon},${c.overdue},${c.missing},${c.notDue}${c.lastUpdate === undefined ? '' : `,${c.lastUpdate}`}`,
    )
    .join(' ');
}

/** The figures in force on `today`; none while the build's own still hold. */
export function figuresOn(attr: string, built: string, today: string): Partial<Omit<FigureChange, 'from'>> {
  const days = daysBetween(built, today);
  let found: string | undefined;
  for (const change of attr.split(' ').filter(Boolean)) {
    const [after, figures] = change.split(':');
    if (Number(after) <= days) found = figures;
  }
  if (found === undefined) return {};
  const [covered, dueSoon, overdue, missing, notDue, lastUpdate] = found.split(',');
  const f = { covered: Number(covered), dueSoon: Number(dueSoon), overdue: Number(overdue), missing: Number(missing), notDue: Number(notDue) };
  return lastUpdate === undefined ? f : { ...f, lastUpdate };
}

/** Items due by now: every scheduled item that is not waiting for its first deadline after the launch. */
export const requiredOf = (f: Pick<FigureChange, 'covered' | 'dueSoon' | 'overdue' | 'missing'>): number => f.covered + f.dueSoon + f.overdue + f.missing;

/**
 * 已超期未答复（超期2个工作日） — a request's state as its log and the supervision page show it;
 * days counted across a year without its holiday arrangement say so (超期2个工作日，暂按周末计算).
 */
export function requestStateText(state: RequestState, daysLate: number, provisional = false): string {
  return `${REQUEST_STATE_LABELS[state]}${daysLate > 0 ? `（超期${daysLate}个工作日${provisional ? `，${PROVISIONAL}` : ''}）` : ''}`;
}

/** 答复期限2027年1月5日（暂按周末计算） — a reply deadline, marked when it is counted from weekends only. */
export function deadlineText(deadline: string | undefined, provisional = false): string {
  return deadline ? `答复期限${formatChineseDate(deadline)}${provisional ? `（${PROVISIONAL}）` : ''}` : '答复期限—';
}

/** 办理中3件，今天到期1件 — the states that occur, in the log's order. */
export function requestCountsText(counts: Readonly<Record<RequestState, number>>): string {
  return REQUEST_STATES.filter((s) => counts[s] > 0)
    .map((s) => `${REQUEST_STATE_LABELS[s]}${counts[s]}件`)
    .join('，');
}

/** A unit's 督查考评 at a glance (its page's badge). */
export interface BadgeFigures {
  required: number;
  covered: number;
  rate: number;
  overdue: number;
  missing: number;
  lateReplies: number;
  overdueRequests: number;
  notDue: number;
  /**
   * The earliest first deadline after the launch of the items not yet due. Said only while none is
   * due: the day it passes, an item comes due and the badge says the figures instead, so the date
   * a page carries never goes stale.
   */
  firstDue?: string | undefined;
}

/** `launch`: site.yaml's launch day; items not yet due after it are said plainly, never counted as failing. */
export function badgeText(f: BadgeFigures, launch?: string): string {
  const launched = launch ? `本站${formatChineseDate(launch)}开通，` : '';
  const requests = f.lateReplies + f.overdueRequests > 0 ? `，点题超期${f.lateReplies + f.overdueRequests}件` : '';
  const first = f.firstDue ? `（最早${formatChineseDate(f.firstDue)}）` : '';
  if (f.required === 0 && f.notDue > 0) return `督查考评：${launched}应按时公开的${f.notDue}项都还没到开通后第一次公开期限${first}，暂无逾期${requests}`;
  return (
    `督查考评：应按时公开${f.required}项，已按时公开${f.covered}项（${f.rate}%）` +
    (f.overdue + f.missing > 0 ? `，逾期或未公开${f.overdue + f.missing}项` : '') +
    (f.notDue > 0 ? `；${launched}另有${f.notDue}项还没到开通后第一次公开期限` : '') +
    requests
  );
}

export function badgeLevel(f: BadgeFigures): 'good' | 'fair' | 'poor' {
  return f.overdue + f.missing + f.overdueRequests + f.lateReplies === 0 ? 'good' : f.rate >= 60 ? 'fair' : 'poor';
}

/** Said on a live site's page read after the last day it can vouch for. */
export function staleNote(built: string, today: string): string {
  return `本页按${formatChineseDate(built)}的情况生成，已过${daysBetween(built, today)}天，网站还没有更新：页面上的部分状态和数字可能已经变化。`;
}

/** Said on every page of a site whose "today" does not follow the clock (the demo, an archive, a build for a given day). */
export function frozenNote(today: Today): string | undefined {
  const day = formatChineseDate(today.date);
  const what = '公示剩余天数、点题是否超期、公开栏内容和督查考评都按这一天计算，不随时间变化';
  if (today.source === 'as_of') return `示范数据或存档：日期停在${day}。${what}。`;
  if (today.source === 'flag' || today.source === 'env') return `本站按指定日期生成：日期停在${day}。${what}。`;
  return undefined;
}

/** The supervision table's default order: lowest coverage first, then most items late or missing, then by unit. */
export function supervisionOrder(a: { rate: number; overdue: number; missing: number; unit: string }, b: typeof a): number {
  return a.rate - b.rate || b.overdue + b.missing - (a.overdue + a.missing) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
}
