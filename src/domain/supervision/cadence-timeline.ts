/**
 * A unit's 督查考评 figures from today on, without new content: an item covered this quarter
 * becomes "due soon" when the next quarter starts and "overdue" after its renewal day; an
 * entry dated ahead counts from its date. A live site's pages carry these changes so the
 * figures stay right on the day they are read (src/site/client/live-dates.ts).
 *
 * The figures come from unitCadence itself, asked on each day its answer can change: the start
 * of every period of the unit's periodic items, the day after each renewal deadline, and the
 * date of each entry dated after today, and the day after each item's first deadline after the
 * launch (site.yaml launch). A new threshold in unitCadence needs its change day here;
 * test/unit/cadence-timeline.test.ts compares with asking every day.
 */
import type { Entry } from '../model.ts';
import { isPeriodic, periodContaining, type PeriodKind } from '../period.ts';
import { isPublic } from '../publication.ts';
import type { Unit } from '../schema/unit.ts';
import { addDays } from '../time/day-math.ts';
import { firstDueAfterLaunch, renewBy, requiredItems, unitCadence, type ItemCadence } from './cadence.ts';

type CadenceOptions = Parameters<typeof unitCadence>[2];

/** What the supervision table and a unit's badge show of its scheduled items. */
export interface CadenceFigures {
  covered: number;
  dueSoon: number;
  overdue: number;
  missing: number;
  /** Not yet due: the item's first deadline after the launch is still ahead. */
  notDue: number;
  /** The latest date of a required item's entry (the report's "last update" without git). */
  lastDate: string | undefined;
}

export interface CadenceChange extends CadenceFigures {
  /** The first day these figures hold. */
  from: string;
}

export function cadenceFigures(items: readonly ItemCadence[]): CadenceFigures {
  const count = (s: ItemCadence['state']) => items.filter((i) => i.state === s).length;
  const lastDate = items.reduce<string | undefined>((m, i) => (i.lastDate !== undefined && (m === undefined || i.lastDate > m) ? i.lastDate : m), undefined);
  return { covered: count('current'), dueSoon: count('due_soon'), overdue: count('overdue'), missing: count('missing'), notDue: count('not_due'), lastDate };
}

function changeDays(unit: Unit, entries: readonly Entry[], opts: CadenceOptions, until: string): string[] {
  const { today, catalog, site } = opts;
  const days = new Set<string>();
  const add = (d: string) => {
    if (d > today && d <= until) days.add(d);
  };
  const required = requiredItems(unit, catalog);
  const kinds = new Set(required.flatMap((i) => (isPeriodic(i.cadence) ? [i.cadence as PeriodKind] : [])));
  if (site.launch) {
    for (const i of required) {
      if (i.cadence === 'long_term' || isPeriodic(i.cadence))
        add(addDays(firstDueAfterLaunch(i.cadence as PeriodKind | 'long_term', site.launch, site.defaults.renew_by_day).dueBy, 1));
    }
  }
  for (const kind of kinds) {
    for (let p = periodContaining(kind, today); p.start <= until; p = periodContaining(kind, addDays(p.end, 1))) {
      add(p.start);
      add(addDays(renewBy(p, site.defaults.renew_by_day), 1));
    }
  }
  for (const e of entries) if (e.unit === unit.id && isPublic(e)) add(e.data.date);
  return [...days].sort();
}

const same = (a: CadenceFigures, b: CadenceFigures) =>
  a.covered === b.covered &&
  a.dueSoon === b.dueSoon &&
  a.overdue === b.overdue &&
  a.missing === b.missing &&
  a.notDue === b.notDue &&
  a.lastDate === b.lastDate;

/** The unit's figures change on these days, up to `until` (inclusive). */
export function cadenceChanges(unit: Unit, entries: readonly Entry[], opts: CadenceOptions, until: string): CadenceChange[] {
  const out: CadenceChange[] = [];
  let prev = cadenceFigures(unitCadence(unit, entries, opts));
  for (const day of changeDays(unit, entries, opts, until)) {
    const now = cadenceFigures(unitCadence(unit, entries, { ...opts, today: day }));
    if (!same(prev, now)) out.push({ from: day, ...now });
    prev = now;
  }
  return out;
}
