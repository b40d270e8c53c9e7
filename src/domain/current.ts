/**
 * What is current: the entries a unit's bulletin board (and its "now on the board" page)
 * shows on a given day. Pure: the same entries on a different `today` give a different board,
 * which is how boards are re-printed and how the tests travel through time.
 *
 * Rules, per catalog cadence:
 * - long-term items: the latest entry of each item replaces the earlier ones;
 * - periodic items: every entry of the latest period that has been published by today;
 * - staged matters: every stage so far, while the matter is open or its result is recent;
 * - ad-hoc items: entries within site.defaults.recent_days;
 * - 公示: running notices, and ended ones for site.defaults.notice_grace_days calendar days;
 * and never anything non-public, dated after today, expired, or marked `board: false`.
 */
import type { Entry } from './model.ts';
import { isPeriodic, parsePeriod } from './period.ts';
import { isPublic } from './publication.ts';
import type { Catalog } from './schema/catalog.ts';
import { STAGES } from './schema/entry.ts';
import type { Site } from './schema/site.ts';
import type { WorkCalendar } from './time/calendar.ts';
import { addDays } from './time/day-math.ts';
import { noticeWindow } from './time/notice.ts';

export interface BoardOptions {
  today: string;
  calendar: WorkCalendar;
  catalog: Catalog;
  site: Site;
}

function byDateThenId(a: Entry, b: Entry): number {
  return a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function groupBy(entries: readonly Entry[], key: (e: Entry) => string): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = key(e);
    const list = out.get(k);
    if (list) list.push(e);
    else out.set(k, [e]);
  }
  return out;
}

/** Whether a notice entry may be on the board today: running, or ended within the grace. */
function noticeOnBoard(entry: Entry, opts: BoardOptions): boolean {
  const notice = entry.data.notice;
  if (!notice) return true;
  const w = noticeWindow(notice, opts.calendar);
  if (opts.today < w.start) return false;
  return opts.today <= addDays(w.end, opts.site.defaults.notice_grace_days);
}

export function boardEntries(entries: readonly Entry[], unitId: string, opts: BoardOptions): Entry[] {
  const { today, catalog, site } = opts;
  const recentFrom = addDays(today, -site.defaults.recent_days);
  const eligible = entries.filter(
    (e) =>
      e.unit === unitId &&
      isPublic(e) &&
      e.data.board !== false &&
      e.data.date <= today &&
      (e.data.expires === undefined || today <= e.data.expires) &&
      catalog.items.has(e.data.item),
  );

  const chosen: Entry[] = [];
  for (const [itemId, list] of groupBy(eligible, (e) => e.data.item)) {
    const item = catalog.items.get(itemId)!;
    const sorted = [...list].sort(byDateThenId);
    // Notices decide for themselves: a running 公示 is on the board whatever its item's cadence.
    const notices = sorted.filter((e) => e.data.notice);
    const plain = sorted.filter((e) => !e.data.notice);
    chosen.push(...notices.filter((e) => noticeOnBoard(e, opts)));

    if (item.cadence === 'long_term') {
      const latest = plain.at(-1);
      if (latest) chosen.push(latest);
    } else if (isPeriodic(item.cadence)) {
      const withPeriod = plain.map((e) => ({ e, p: e.data.period === undefined ? undefined : parsePeriod(e.data.period) })).filter((x) => x.p !== undefined);
      const latestStart = withPeriod.reduce((m, x) => (x.p!.start > m ? x.p!.start : m), '');
      chosen.push(...withPeriod.filter((x) => x.p!.start === latestStart).map((x) => x.e));
    } else if (item.cadence === 'per_stage') {
      for (const stages of groupBy(plain, (e) => e.data.matter ?? e.id).values()) {
        const last = stages.at(-1)!;
        const concluded = stages.some((e) => e.data.stage === 'result');
        if (!concluded || last.data.date >= recentFrom) chosen.push(...stages);
      }
    } else {
      chosen.push(...plain.filter((e) => e.data.date >= recentFrom));
    }
  }
  return sortForBoard(chosen, catalog);
}

/** Catalog order (aspect, then item), then date, then stage, then id: stable across runs. */
export function sortForBoard(list: readonly Entry[], catalog: Catalog): Entry[] {
  const rank = new Map<string, number>();
  let i = 0;
  for (const aspect of catalog.aspects) for (const item of aspect.items) rank.set(item.id, i++);
  const stageRank = (e: Entry) => (e.data.stage ? STAGES.indexOf(e.data.stage) : -1);
  return [...list].sort((a, b) => (rank.get(a.data.item) ?? i) - (rank.get(b.data.item) ?? i) || byDateThenId(a, b) || stageRank(a) - stageRank(b));
}
