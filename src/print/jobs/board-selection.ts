/**
 * The seam between the print stage and the shared selection rules: what is on a board today
 * is decided by `boardEntries` (src/domain/current.ts, which goes through the publication
 * gate); this module only adds the line under each title — the date, or the 公示期 of a notice.
 */
import { boardEntries, sortForBoard, type OffBoard } from '../../domain/current.ts';
import { formatChineseDate } from '../../domain/dates.ts';
import type { Entry, Project } from '../../domain/model.ts';
import { buildCalendar, type WorkCalendar } from '../../domain/time/calendar.ts';
import { formatNoticePeriod, noticeWindow } from '../../domain/time/notice.ts';

export interface SelectedEntry {
  entry: Entry;
  /** The line under the title: the date, or the 公示期 of a notice. */
  meta: string;
  /** A 公示 whose period has ended (still on the board for the grace days): first to leave a full board. */
  finished: boolean;
}

export type BoardSelector = (project: Project, unitId: string, today: string) => SelectedEntry[];

/** The working-day calendar is built once per project, not once per board. */
const calendars = new WeakMap<Project, WorkCalendar>();
const byUnit = new WeakMap<Project, Map<string, Entry[]>>();

/** The project's working-day calendar, built on first use. */
export function projectCalendar(project: Project): WorkCalendar {
  let calendar = calendars.get(project);
  if (!calendar) calendars.set(project, (calendar = buildCalendar(project.calendars)));
  return calendar;
}

/** The unit's own entries: the rules are the same, and 510 boards × 8,000 entries is not. */
export function unitEntries(project: Project, unitId: string): Entry[] {
  let units = byUnit.get(project);
  if (!units) {
    units = new Map();
    for (const e of project.entries) units.set(e.unit, [...(units.get(e.unit) ?? []), e]);
    byUnit.set(project, units);
  }
  return units.get(unitId) ?? [];
}

export const boardOptions = (project: Project, today: string) => ({ today, calendar: projectCalendar(project), catalog: project.catalog, site: project.site });

export const currentBoardEntries: BoardSelector = (project, unitId, today) => {
  const cal = projectCalendar(project);
  const list = sortForBoard(boardEntries(unitEntries(project, unitId), unitId, boardOptions(project, today)), project.catalog);
  return list.map((entry) => ({ entry, meta: metaLine(entry, cal), finished: !!entry.data.notice && noticeWindow(entry.data.notice, cal).end < today }));
};

/** Why each entry of the unit that is not on its board today is off it: the same pass as `currentBoardEntries`. */
export function boardOmissions(project: Project, unitId: string, today: string): Map<string, OffBoard> {
  const off = new Map<string, OffBoard>();
  boardEntries(unitEntries(project, unitId), unitId, boardOptions(project, today), off);
  return off;
}

function metaLine(e: Entry, cal: WorkCalendar): string {
  const date = `${formatChineseDate(e.data.date)}发布`;
  return e.data.notice ? `${date}　${formatNoticePeriod(noticeWindow(e.data.notice, cal))}` : date;
}
