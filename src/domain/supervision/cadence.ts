/**
 * Cadence (公开时限) per unit and catalog item: is each required item disclosed on time?
 * Computed only from the public entries' dates and periods, never from a declared status.
 *
 * - long-term items must exist;
 * - periodic items must cover the current period; the renewal is due by `renew_by_day` of
 *   the period's first month (local practice: the 15th), so before that day a missing
 *   renewal is "due soon", after it "overdue" (or "missing" if the item never appeared);
 * - staged and ad-hoc items have no schedule: they are listed, not judged.
 *
 * A county that sets its launch day (site.yaml `launch`) is judged only from then on: a period
 * that began before the launch is not asked for, and an item is "not yet due" until its first
 * deadline after the launch — the renewal day of the first period (for long-term items, the
 * first month) that begins on or after it. A disclosure made anyway still counts as current.
 * Without `launch` (the demo county) every period counts, from the earliest.
 */
import type { Entry } from '../model.ts';
import { formatPeriod, isPeriodic, parsePeriod, periodContaining, type Period, type PeriodKind } from '../period.ts';
import { addDays } from '../time/day-math.ts';
import { isPublic } from '../publication.ts';
import type { Catalog, CatalogItem } from '../schema/catalog.ts';
import type { Site } from '../schema/site.ts';
import { LEVEL_OF_KIND, type Unit } from '../schema/unit.ts';

export const CADENCE_STATES = ['current', 'due_soon', 'overdue', 'missing', 'not_due', 'unscheduled'] as const;
export type CadenceState = (typeof CADENCE_STATES)[number];

export const CADENCE_STATE_LABELS: Record<CadenceState, string> = {
  current: '已按时公开',
  due_soon: '即将到期',
  overdue: '逾期未更新',
  missing: '从未公开',
  not_due: '未到期（开通后第一次公开期限还没到）',
  unscheduled: '无固定时限',
};

export interface ItemCadence {
  item: string;
  itemName: string;
  state: CadenceState;
  /** Date of the latest public entry of the item (dated by today). */
  lastDate: string | undefined;
  /** Periodic items: the period that must be covered now (when not yet due: the first one after the launch), e.g. 2026年下半年. */
  period: string | undefined;
  /** Periodic items: the day by which that period must be covered; not yet due: the item's first deadline after the launch. */
  dueBy: string | undefined;
  /** Staged and ad-hoc items: how many entries (or matters, for staged items) there are. */
  count: number;
}

/** Public catalog items a unit of this kind must disclose; party-internal items go to meetings, not here. */
export function requiredItems(unit: Unit, catalog: Catalog): CatalogItem[] {
  const level = LEVEL_OF_KIND[unit.kind];
  return catalog.aspects.flatMap((a) => a.items).filter((i) => i.scope === 'public' && i.levels.includes(level));
}

/** The last day to publish a period's renewal: `day` of the period's first month. */
export function renewBy(p: Period, day: number): string {
  return `${p.start.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** The first period of this kind that begins on or after the launch day. */
export function firstPeriodFrom(kind: PeriodKind, launch: string): Period {
  const p = periodContaining(kind, launch);
  return p.start >= launch ? p : periodContaining(kind, addDays(p.end, 1));
}

/**
 * The first deadline of an item after the launch: the renewal day of its first period that
 * begins on or after the launch; a long-term item is given the first such month.
 */
export function firstDueAfterLaunch(cadence: PeriodKind | 'long_term', launch: string, renewByDay: number): { period: Period; dueBy: string } {
  const period = firstPeriodFrom(cadence === 'long_term' ? 'monthly' : cadence, launch);
  return { period, dueBy: renewBy(period, renewByDay) };
}

/** `entries`: all of this unit's entries (filtered through the publication gate here). */
export function unitCadence(unit: Unit, entries: readonly Entry[], opts: { today: string; catalog: Catalog; site: Site }): ItemCadence[] {
  const { today, catalog, site } = opts;
  const renewDay = site.defaults.renew_by_day;
  const byItem = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.unit !== unit.id || !isPublic(e) || e.data.date > today) continue;
    const list = byItem.get(e.data.item);
    if (list) list.push(e);
    else byItem.set(e.data.item, [e]);
  }
  return requiredItems(unit, catalog).map((item): ItemCadence => {
    const list = byItem.get(item.id) ?? [];
    const lastDate = list.reduce<string | undefined>((m, e) => (m === undefined || e.data.date > m ? e.data.date : m), undefined);
    const base = { item: item.id, itemName: item.name, lastDate, period: undefined, dueBy: undefined, count: list.length };
    // Before its first deadline after the launch, an item not yet disclosed is not judged.
    const first =
      site.launch && (item.cadence === 'long_term' || isPeriodic(item.cadence)) ? firstDueAfterLaunch(item.cadence, site.launch, renewDay) : undefined;
    const notDue = first && today <= first.dueBy ? { ...base, state: 'not_due' as const, dueBy: first.dueBy } : undefined;
    if (item.cadence === 'long_term') return list.length > 0 ? { ...base, state: 'current' } : (notDue ?? { ...base, state: 'missing' });
    if (isPeriodic(item.cadence)) {
      const now = periodContaining(item.cadence, today);
      const dueBy = renewBy(now, renewDay);
      const covered = list.some((e) => e.data.period !== undefined && parsePeriod(e.data.period)?.start === now.start);
      if (!covered && notDue) return { ...notDue, period: formatPeriod(first!.period) };
      const state: CadenceState = covered ? 'current' : today <= dueBy ? 'due_soon' : list.length > 0 ? 'overdue' : 'missing';
      return { ...base, state, period: formatPeriod(now), dueBy };
    }
    const count = item.cadence === 'per_stage' ? new Set(list.map((e) => e.data.matter ?? e.id)).size : list.length;
    return { ...base, state: 'unscheduled', count };
  });
}
