/**
 * Dates counted across a year without its holiday arrangement (calendar.ts: weekends only, marked
 * 暂按周末计算): which of the county's deadlines are such guesses today, what a reader is told
 * about the mark, and what the webmaster is told on every build until the arrangement is in.
 *
 * The State Council publishes next year's arrangement in November; the chinese-days package
 * carries it some days or weeks later. From October the build reminds the webmaster; once a
 * deadline crosses into the unknown year (late December on) it says how many are guesses.
 */
import type { Project } from '../model.ts';
import { isPublic } from '../publication.ts';
import { buildRequestLog } from '../requests/request-log.ts';
import type { WorkCalendar } from './calendar.ts';
import { PROVISIONAL } from './provisional-mark.ts';
import { noticeWindow } from './notice.ts';

export interface ProvisionalDeadlines {
  /** Public entries whose 公示 end is a guess. */
  notices: string[];
  /** Requests whose reply deadline or days overdue are guesses. */
  requests: string[];
  /** The years without an arrangement they cross. */
  years: number[];
}

/** The county's notices and requests whose dates, as shown today, were counted from weekends only. */
export function provisionalDeadlines(
  project: Pick<Project, 'entries' | 'requests' | 'units' | 'site'>,
  calendar: WorkCalendar,
  today: string,
): ProvisionalDeadlines {
  const years = new Set<number>();
  const notices: string[] = [];
  for (const e of project.entries) {
    if (!e.data.notice || !isPublic(e)) continue;
    const w = noticeWindow(e.data.notice, calendar);
    if (!w.provisional || w.end < today) continue;
    notices.push(e.id);
    for (const y of calendar.provisionalYears(w.start, w.end)) years.add(y);
  }
  const requests: string[] = [];
  for (const r of buildRequestLog({ project, calendar, today })) {
    if (!r.deadlineProvisional && !r.daysLateProvisional) continue;
    requests.push(r.id);
    for (const y of calendar.provisionalYears(r.received, today > r.deadline! ? today : r.deadline!)) years.add(y);
  }
  return { notices, requests, years: [...years].sort() };
}

const yearsText = (years: readonly number[]) => years.map((y) => `${y}年`).join('、');

/** How a county brings in a year's arrangement: the package first, its own file when the package has not caught up. */
export function howToAddYear(year: number): string {
  return (
    `国务院办公厅公布${year}年节假日安排后（通常在上一年11月），运行 npm update chinese-days 更新节假日数据；` +
    `软件包还没有更新时，新建 content/calendar/${year}.yaml，写明 year: ${year}、holidays（放假日期或区间）和 workdays（调休上班日期），格式见网站管理员指南。`
  );
}

/**
 * The line every build shows while the holiday table lags: from 1 October when next year's
 * arrangement is missing, and whenever a deadline on the site is a guess. Undefined otherwise.
 */
export function calendarReminder(today: string, calendar: WorkCalendar, found: ProvisionalDeadlines): string | undefined {
  const year = Number(today.slice(0, 4));
  const missing = new Set(found.years);
  if (calendar.isProvisional(today)) missing.add(year);
  if (Number(today.slice(5, 7)) >= 10 && calendar.isProvisional(`${year + 1}-01-01`)) missing.add(year + 1);
  if (!missing.size) return undefined;
  const years = [...missing].sort();
  const counted = [found.notices.length && `${found.notices.length} 项公示`, found.requests.length && `${found.requests.length} 件点题`].filter(Boolean);
  const now = counted.length
    ? `现在有 ${counted.join('、')}的期限跨进${yearsText(years)}，暂按周末计算，网站、公开栏和明白卡上都标明了“${PROVISIONAL}”。`
    : `跨进${yearsText(years)}的公示和点题期限将暂按周末计算，并在网站、公开栏和明白卡上标明“${PROVISIONAL}”。`;
  return `注意：${yearsText(years)}的节假日安排还没有录入。${now}${howToAddYear(years[0]!)}录入后下一次构建自动改用正式安排，日期有变化的公开栏和明白卡会列入重新印刷清单。`;
}
