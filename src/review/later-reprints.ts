/**
 * What a change makes printers do on later days. An entry dated next month, a 公示 that starts
 * next week, an expiry moved forward: nothing changes on today's sheets, yet on that day a board
 * and a card must be printed again, and the pull request is the moment to say so.
 *
 * The days looked at are those on which the board rules (src/domain/current.ts) can change what a
 * unit shows — an entry's date, its 公示's start, end and end of grace, its expiry, the end of its
 * recent days — for every public entry of the units the change touches, on both sides. On each
 * such day D the print keys say it all: a product is listed when the head's sheet on D differs
 * from the head's sheet the day before — it must be printed again that day — unless, without the
 * change, the same new sheet would be printed that day anyway. An entry dated later thus brings
 * its board and card on its day, and takes them back when it leaves. Keys are computed for those
 * units only.
 */
import type { Entry, Project } from '../domain/model.ts';
import { isPublic } from '../domain/publication.ts';
import { CalendarGapError } from '../domain/time/calendar.ts';
import { addDays } from '../domain/time/day-math.ts';
import { noticeWindow } from '../domain/time/notice.ts';
import { projectCalendar } from '../print/jobs/board-selection.ts';
import { printKeys, type PrintKey } from '../print/jobs/print-keys.ts';
import { changeReasons, FIRST_PRINT, row, type ReprintRow } from './release-diff.ts';

export interface LaterReprint {
  /** The day the products must be printed again. */
  date: string;
  rows: ReprintRow[];
  /** Entries that come onto each product that day, by `kind:id`. */
  arriving: Map<string, string[]>;
}

export interface LaterReprints {
  days: LaterReprint[];
  /** Turning days not looked at: beyond the first MAX_DAYS, or beyond the holiday calendar. */
  notChecked: number;
}

/** Enough for a change of a few units over a year; a county-wide change is cut off and says so. */
const MAX_DAYS = 40;

/** The days from which an entry's place on its unit's board or card can change. */
function turningDays(e: Entry, p: Project): string[] {
  if (!isPublic(e) || e.data.board === false) return [];
  const d = p.site.defaults;
  const days = [e.data.date, addDays(e.data.date, d.recent_days + 1)];
  if (e.data.expires) days.push(addDays(e.data.expires, 1));
  if (e.data.notice) {
    try {
      const w = noticeWindow(e.data.notice, projectCalendar(p));
      days.push(w.start, addDays(w.end, 1), addDays(w.end, d.notice_grace_days + 1));
    } catch (err) {
      // A notice in a year without a holiday table: check reports it; its days cannot be known.
      if (!(err instanceof CalendarGapError)) throw err;
    }
  }
  return days;
}

/** Everything of an entry that can change a sheet or the day it changes. */
const fingerprint = (e: Entry, p: Project) => JSON.stringify([e.data, e.body, turningDays(e, p)]);

/** Units with an entry added, removed or changed (text, fields or turning days) between the two sides. */
function changedUnits(base: Project, head: Project): Set<string> {
  const before = new Map(base.entries.map((e) => [e.id, e]));
  const after = new Map(head.entries.map((e) => [e.id, e]));
  const units = new Set<string>();
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a || !b || fingerprint(a, base) !== fingerprint(b, head)) units.add((a ?? b)!.unit);
  }
  return units;
}

export function laterReprints(base: Project, head: Project, today: string): LaterReprints {
  const units = changedUnits(base, head);
  if (units.size === 0) return { days: [], notChecked: 0 };
  const turning = new Set<string>();
  for (const p of [base, head]) for (const e of p.entries) if (units.has(e.unit)) for (const d of turningDays(e, p)) if (d > today) turning.add(d);
  const days = [...turning].sort();

  const memo = new Map<string, Map<string, PrintKey>>();
  const keysAt = (p: Project, date: string) => {
    const id = `${p === head ? 'head' : 'base'}:${date}`;
    let keys = memo.get(id);
    if (!keys) memo.set(id, (keys = new Map(printKeys(p, date, units).map((k) => [`${k.kind}:${k.id}`, k]))));
    return keys;
  };
  const newer = new Map(head.entries.map((e) => [e.id, e]));
  const out: LaterReprint[] = [];
  let looked = 0;
  for (const date of days.slice(0, MAX_DAYS)) {
    let now: Map<string, PrintKey>, before: Map<string, PrintKey>, baseNow: Map<string, PrintKey>, baseBefore: Map<string, PrintKey>;
    try {
      now = keysAt(head, date);
      before = keysAt(head, addDays(date, -1));
      baseNow = keysAt(base, date);
      baseBefore = keysAt(base, addDays(date, -1));
    } catch (err) {
      // The holiday calendar ends: later days cannot be computed (check warns about the missing year).
      if (err instanceof CalendarGapError) break;
      throw err;
    }
    looked++;
    const rows: ReprintRow[] = [];
    const arriving = new Map<string, string[]>();
    for (const [tag, k] of now) {
      const was = before.get(tag);
      const other = baseNow.get(tag);
      const baseReprints = !!other && baseBefore.get(tag)?.key !== other.key;
      if (!was || was.key === k.key || (baseReprints && other.key === k.key)) continue;
      // A product with nothing to show has no file: it is taken down that day, or printed for the first time.
      if (k.empty && was.empty) continue;
      if (k.empty) rows.push(row(was, head, 'removed', ['目前没有可印的内容，不再印刷（撤下旧的）']));
      else if (was.empty) rows.push(row(k, head, 'added', [FIRST_PRINT]));
      else rows.push(row(k, head, 'changed', changeReasons(was, k, { project: head, keys: [...now.values()], today: date }, newer)));
      const had = new Set(was.entries.map((e) => e.id));
      arriving.set(
        tag,
        k.entries.filter((e) => !had.has(e.id)).map((e) => e.id),
      );
    }
    if (rows.length) out.push({ date, rows, arriving });
  }
  return { days: out, notChecked: days.length - looked };
}
