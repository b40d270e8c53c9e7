/**
 * The project as the site sees it: the checked project the build (or the dev server's
 * configuration, or the live preview) handed over with its git history, with the lookups every
 * page shares computed once here (8,000+ pages must not each scan the entry list). Pages pass
 * the build's context (virtual:gongkai/context); nothing here reads files or runs git.
 */
import { resolve } from 'node:path';
import { yearOf } from '../domain/dates.ts';
import type { Entry, Project } from '../domain/model.ts';
import { publicEntries } from '../domain/publication.ts';
import type { Board } from '../domain/schema/board.ts';
import type { Aspect, CatalogItem } from '../domain/schema/catalog.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { boardEntries } from '../domain/current.ts';
import { boardTimeline, type BoardSpans } from '../domain/board-timeline.ts';
import { intersectSpans, type DaySpan } from '../domain/time/day-spans.ts';
import type { TodaySource } from '../domain/time/today.ts';
import { buildCalendar, type WorkCalendar } from '../domain/time/calendar.ts';
import { noticeStatus, noticeWindow, type NoticeStatus, type NoticeWindow } from '../domain/time/notice.ts';
import type { ContentHistory } from '../git/git-history.ts';
import { InternalError } from '../errors.ts';
import type { SiteContext } from './context.ts';
import { printView, type PrintManifest } from './print-manifest.ts';

export interface SiteData {
  project: Project;
  /** Public entries only, newest first. */
  entries: Entry[];
  entryById: Map<string, Entry>;
  unitById: Map<string, Unit>;
  entriesByUnit: Map<string, Entry[]>;
  entriesByItem: Map<string, Entry[]>;
  /** Years with public entries, newest first, and their entries. */
  years: number[];
  entriesByYear: Map<number, Entry[]>;
  children: Map<string, Unit[]>;
  /** The town (镇/街道) a unit belongs to; undefined for the county committee and county units. */
  townOf: Map<string, Unit | undefined>;
  /** Public stages of one matter, keyed `<unit>/<matter>`, in stage order by date. */
  matters: Map<string, Entry[]>;
  boardsByUnit: Map<string, Board[]>;
  /** The one `git log` of the build, by file (the compliance report's "last update" reads it too). */
  contentHistory: ContentHistory;
  contentDir: string;
  print: PrintManifest | undefined;
  /** The build's "today" (SiteContext.today). */
  today: string;
  todaySource: TodaySource;
  /** The hash of the pages' code (SiteContext.code.pages): in every page's cache key. */
  code: string;
  /**
   * "Today" follows the clock: the pages carry what changes on later days, and their script
   * shows it on the day they are read (src/site/client/live-dates.ts). Otherwise (the demo's
   * as_of, --today) the site's dates are frozen and say so.
   */
  live: boolean;
  calendar: WorkCalendar;
  /** Every public 公示's window and its status on `today`, by entry id. */
  notices: Map<string, { window: NoticeWindow; status: NoticeStatus }>;
  /** Public notices running today, ending soonest first. */
  runningNotices: Entry[];
  /**
   * The home page's list of running notices: on a live site also those that start later,
   * each with the days it runs from today on (`running`; undefined on a frozen site).
   */
  homeNotices: { entry: Entry; running?: DaySpan[] }[];
  aspectOfItem(item: string): { aspect: Aspect; item: CatalogItem };
  /** What the unit's board shows today (the time rules' selection, in board order). */
  boardNow(unitId: string): Entry[];
  /**
   * What the unit's board shows from today on, each entry with its days (board-timeline.ts);
   * on a frozen site only today's board, always up.
   */
  boardDays(unitId: string): BoardSpans[];
}

let cached: { key: string; data: SiteData } | undefined;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function siteData(context: SiteContext): SiteData {
  const dir = resolve(context.contentDir);
  const templatesDir = resolve(context.templatesDir);
  const checked = context.checked?.();
  if (!checked || checked.contentDir !== dir || checked.templatesDir !== templatesDir) {
    throw new InternalError(`网站没有收到 ${dir} 检查过的内容：请用 gongkai build 或 gongkai preview 生成网站。`);
  }
  // The same context may arrive as more than one object (the content layer and the pages load the module apart).
  const key = JSON.stringify([dir, templatesDir, context.today, context.printPlan?.generated, context.code.pages, checked.revision]);
  if (cached?.key === key) return cached.data;
  const { project, contentHistory } = checked;
  const entries = publicEntries(project.entries).sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.id < b.id ? -1 : 1));
  const entriesByUnit = new Map<string, Entry[]>();
  const entriesByItem = new Map<string, Entry[]>();
  const entriesByYear = new Map<number, Entry[]>();
  const matters = new Map<string, Entry[]>();
  for (const e of entries) {
    push(entriesByUnit, e.unit, e);
    push(entriesByItem, e.data.item, e);
    push(entriesByYear, yearOf(e.data.date), e);
    if (e.data.matter) push(matters, `${e.unit}/${e.data.matter}`, e);
  }
  for (const list of matters.values()) list.reverse(); // oldest stage first
  const unitById = new Map(project.units.map((u) => [u.id, u]));
  const children = new Map<string, Unit[]>();
  for (const u of project.units) if (u.parent) push(children, u.parent, u);
  const townOf = new Map<string, Unit | undefined>();
  for (const u of project.units) {
    let t: Unit | undefined = u;
    while (t && t.kind !== 'town') t = t.parent ? unitById.get(t.parent) : undefined;
    townOf.set(u.id, t);
  }
  const boardsByUnit = new Map<string, Board[]>();
  for (const b of project.boards) push(boardsByUnit, b.unit, b);
  const aspectById = new Map(project.catalog.aspects.map((a) => [a.id, a]));
  const today = context.today.date;
  const calendar = buildCalendar(project.calendars);
  const notices = new Map<string, { window: NoticeWindow; status: NoticeStatus }>();
  for (const e of entries) {
    if (!e.data.notice) continue;
    const window = noticeWindow(e.data.notice, calendar);
    notices.set(e.id, { window, status: noticeStatus(window, today, calendar) });
  }
  const byEnd = (a: Entry, b: Entry) => {
    const [x, y] = [notices.get(a.id)!.window.end, notices.get(b.id)!.window.end];
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
  };
  const runningNotices = entries.filter((e) => notices.get(e.id)?.status.state === 'running').sort(byEnd);
  const live = context.today.source === 'clock';
  const homeNotices = live
    ? entries
        .filter((e) => (notices.get(e.id)?.window.end ?? '') >= today)
        .sort(byEnd)
        .map((entry) => {
          const w = notices.get(entry.id)!.window;
          return { entry, running: intersectSpans([{ from: today }], { from: w.start, until: w.end }) };
        })
    : runningNotices.map((entry) => ({ entry }));
  const boardOptions = { today, calendar, catalog: project.catalog, site: project.site };
  const boardNow = (unitId: string) => boardEntries(entriesByUnit.get(unitId) ?? [], unitId, boardOptions);
  const data: SiteData = {
    project,
    entries,
    entryById: new Map(entries.map((e) => [e.id, e])),
    unitById,
    entriesByUnit,
    entriesByItem,
    years: [...entriesByYear.keys()].sort((a, b) => b - a),
    entriesByYear,
    children,
    townOf,
    matters,
    boardsByUnit,
    contentHistory,
    contentDir: dir,
    print: printView(context.printPlan),
    today,
    todaySource: context.today.source,
    code: context.code.pages,
    live,
    calendar,
    notices,
    runningNotices,
    homeNotices,
    boardNow,
    boardDays: (unitId) =>
      live
        ? boardTimeline(entriesByUnit.get(unitId) ?? [], unitId, boardOptions)
        : boardNow(unitId).map((entry) => {
            const up = [{ from: today }];
            return notices.get(entry.id)?.status.state === 'running'
              ? { entry, onBoard: up, running: up, rest: [] }
              : { entry, onBoard: up, running: [], rest: up };
          }),
    aspectOfItem(id) {
      const item = project.catalog.items.get(id);
      const aspect = item && aspectById.get(item.aspect);
      if (!item || !aspect) throw new Error(`公开目录中没有事项 ${id}`);
      return { aspect, item };
    },
  };
  cached = { key, data };
  return data;
}
