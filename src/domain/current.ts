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
 *
 * Asked for, the same pass records why each other entry of the unit is off the board (`OffBoard`),
 * so what the pull-request summary says about an entry taken down is the rule that took it down.
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

/** Why an entry of the unit is not on its board on a day: the rule of `boardEntries` that kept it off. */
export type OffBoard =
  | { why: 'not-public' }
  | { why: 'board-false' }
  | { why: 'not-yet'; date: string }
  | { why: 'expired'; expires: string }
  | { why: 'no-item' }
  | { why: 'notice-not-started'; start: string }
  | { why: 'notice-ended'; end: string; graceDays: number }
  /** A newer entry of a long-term item, or one of a newer period of a periodic item, took its place. */
  | { why: 'replaced'; by: Entry; periodic: boolean }
  /** A staged matter whose result was published more than recent_days ago. */
  | { why: 'concluded'; result: Entry; days: number }
  /** An ad-hoc entry older than recent_days. */
  | { why: 'old'; days: number };

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

/** `off`, when given, receives the reason for every entry of the unit that is not chosen. */
export function boardEntries(entries: readonly Entry[], unitId: string, opts: BoardOptions, off?: Map<string, OffBoard>): Entry[] {
  const { today, catalog, site } = opts;
  const days = site.defaults.recent_days;
  const recentFrom = addDays(today, -days);
  const ineligible = (e: Entry): OffBoard | undefined =>
    !isPublic(e)
      ? { why: 'not-public' }
      : e.data.board === false
        ? { why: 'board-false' }
        : e.data.date > today
          ? { why: 'not-yet', date: e.data.date }
          : e.data.expires !== undefined && today > e.data.expires
            ? { why: 'expired', expires: e.data.expires }
            : !catalog.items.has(e.data.item)
              ? { why: 'no-item' }
              : undefined;
  const eligible: Entry[] = [];
  for (const e of entries) {
    if (e.unit !== unitId) continue;
    const reason = ineligible(e);
    if (reason === undefined) eligible.push(e);
    else off?.set(e.id, reason);
  }

  const chosen: Entry[] = [];
  const leave = (list: readonly Entry[], reason: (e: Entry) => OffBoard) => {
    if (off) for (const e of list) off.set(e.id, reason(e));
  };
  for (const [itemId, list] of groupBy(eligible, (e) => e.data.item)) {
    const item = catalog.items.get(itemId)!;
    const sorted = [...list].sort(byDateThenId);
    // Notices decide for themselves: a running 公示 is on the board whatever its item's cadence.
    const notices = sorted.filter((e) => e.data.notice);
    const plain = sorted.filter((e) => !e.data.notice);
    for (const e of notices) {
      if (noticeOnBoard(e, opts)) chosen.push(e);
      else if (off) {
        const w = noticeWindow(e.data.notice!, opts.calendar);
        off.set(
          e.id,
          today < w.start ? { why: 'notice-not-started', start: w.start } : { why: 'notice-ended', end: w.end, graceDays: site.defaults.notice_grace_days },
        );
      }
    }

    if (item.cadence === 'long_term') {
      const latest = plain.at(-1);
      if (latest) chosen.push(latest);
      leave(plain.slice(0, -1), () => ({ why: 'replaced', by: latest!, periodic: false }));
    } else if (isPeriodic(item.cadence)) {
      const withPeriod = plain.map((e) => ({ e, p: e.data.period === undefined ? undefined : parsePeriod(e.data.period) })).filter((x) => x.p !== undefined);
      const latestStart = withPeriod.reduce((m, x) => (x.p!.start > m ? x.p!.start : m), '');
      const latest = withPeriod.filter((x) => x.p!.start === latestStart).map((x) => x.e);
      chosen.push(...latest);
      if (latest.length)
        leave(
          plain.filter((e) => !latest.includes(e)),
          () => ({ why: 'replaced', by: latest.at(-1)!, periodic: true }),
        );
    } else if (item.cadence === 'per_stage') {
      for (const stages of groupBy(plain, (e) => e.data.matter ?? e.id).values()) {
        const last = stages.at(-1)!;
        const result = stages.find((e) => e.data.stage === 'result');
        if (!result || last.data.date >= recentFrom) chosen.push(...stages);
        else leave(stages, () => ({ why: 'concluded', result, days }));
      }
    } else {
      for (const e of plain) {
        if (e.data.date >= recentFrom) chosen.push(e);
        else leave([e], () => ({ why: 'old', days }));
      }
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
