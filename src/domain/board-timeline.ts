/**
 * A unit's board from today on: for every entry that is on it now or will be on it later
 * (without new content), the days it is up and the days it shows as a running 公示. A live
 * site's unit page carries these, so its "公开栏上现在的内容" is right on the day it is read
 * (src/site/client/live-dates.ts), not only on the day it was built.
 *
 * The days come from the time rules themselves: boardEntries (current.ts) is asked on each day
 * its answer can change — an entry's date, the day after it expires, a 公示's start, its end
 * and the end of its grace, the day an ad-hoc entry or a concluded matter grows too old — and
 * holds between those days. A new threshold in boardEntries needs its change day here
 * (test/unit/board-timeline.test.ts compares with asking on every day).
 */
import { boardEntries, sortForBoard, type BoardOptions } from './current.ts';
import type { Entry } from './model.ts';
import { addDays } from './time/day-math.ts';
import { intersectSpans, spansFromSamples, subtractSpans, type DaySpan } from './time/day-spans.ts';
import { noticeWindow } from './time/notice.ts';

export interface BoardSpans {
  entry: Entry;
  /** Days the entry is on the board. */
  onBoard: DaySpan[];
  /** Of those, the days it is a running 公示 (shown first, under 正在公示)… */
  running: DaySpan[];
  /** …and the others (under its aspect: an ended 公示 in its grace days, every other entry). */
  rest: DaySpan[];
}

/** Every day after `opts.today` on which the unit's board can change (posting checks ask it from a past day to find the board's print history). */
export function changeDays(entries: readonly Entry[], opts: BoardOptions): string[] {
  const { today, site, calendar } = opts;
  const days = new Set<string>();
  const add = (d: string | undefined) => {
    if (d !== undefined && d > today) days.add(d);
  };
  for (const e of entries) {
    add(e.data.date);
    add(addDays(e.data.date, site.defaults.recent_days + 1));
    if (e.data.expires) add(addDays(e.data.expires, 1));
    if (e.data.notice) {
      const w = noticeWindow(e.data.notice, calendar);
      add(w.start);
      add(addDays(w.end, 1));
      add(addDays(w.end, site.defaults.notice_grace_days + 1));
    }
  }
  return [...days].sort();
}

export function boardTimeline(entries: readonly Entry[], unitId: string, opts: BoardOptions): BoardSpans[] {
  const own = entries.filter((e) => e.unit === unitId);
  const days = [opts.today, ...changeDays(own, opts)];
  const boards = days.map((today) => new Set(boardEntries(own, unitId, { ...opts, today }).map((e) => e.id)));
  const ever = own.filter((e) => boards.some((b) => b.has(e.id)));
  return sortForBoard(ever, opts.catalog).map((entry) => {
    const onBoard = spansFromSamples(
      days,
      boards.map((b) => b.has(entry.id)),
    );
    const notice = entry.data.notice;
    if (!notice) return { entry, onBoard, running: [], rest: onBoard };
    // Running as noticeStatus says: from its start to its last working day.
    const w = noticeWindow(notice, opts.calendar);
    const window = { from: w.start, until: w.end };
    return { entry, onBoard, running: intersectSpans(onBoard, window), rest: subtractSpans(onBoard, window) };
  });
}
