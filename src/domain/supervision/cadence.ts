/**
 * Cadence (公开时限) per unit and catalog item: is each required item disclosed on time?
 * Computed only from the public entries' dates and periods, never from a declared status.
 *
 * - long-term items must exist;
 * - periodic items must cover the current period; the renewal is due by `renew_by_day` of
 *   the period's first month (local practice: the 15th), so before that day a missing
 *   renewal is "due soon", after it "overdue" (or "missing" if the item never appeared);
 * - staged and ad-hoc items have no schedule: they are listed, not judged.
 */
import type { Entry } from '../model.ts';
import { formatPeriod, isPeriodic, parsePeriod, periodContaining, type Period } from '../period.ts';
import { isPublic } from '../publication.ts';
import type { Catalog, CatalogItem } from '../schema/catalog.ts';
import type { Site } from '../schema/site.ts';
import { LEVEL_OF_KIND, type Unit } from '../schema/unit.ts';

export const CADENCE_STATES = ['current', 'due_soon', 'overdue', 'missing', 'unscheduled'] as const;
export type CadenceState = (typeof CADENCE_STATES)[number];

export const CADENCE_STATE_LABELS: Record<CadenceState, string> = {
  current: '已按时公开',
  due_soon: '即将到期',
  overdue: '逾期未更新',
  missing: '从未公开',
  unscheduled: '无固定时限',
};

export interface ItemCadence {
  item: string;
  itemName: string;
  state: CadenceState;
  /** Date of the latest public entry of the item (dated by today). */
  lastDate: string | undefined;
  /** Periodic items: the period that must be covered now, e.g. 2026年下半年. */
  period: string | undefined;
  /** Periodic items: the day by which the current period must be covered. */
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

/** `entries`: all of this unit's entries (filtered through the publication gate here). */
export function unitCadence(unit: Unit, entries: readonly Entry[], opts: { today: string; catalog: Catalog; site: Site }): ItemCadence[] {
  const { today, catalog, site } = opts;
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
    if (item.cadence === 'long_term') return { ...base, state: list.length > 0 ? 'current' : 'missing' };
    if (isPeriodic(item.cadence)) {
      const now = periodContaining(item.cadence, today);
      const dueBy = renewBy(now, site.defaults.renew_by_day);
      const covered = list.some((e) => e.data.period !== undefined && parsePeriod(e.data.period)?.start === now.start);
      const state: CadenceState = covered ? 'current' : today <= dueBy ? 'due_soon' : list.length > 0 ? 'overdue' : 'missing';
      return { ...base, state, period: formatPeriod(now), dueBy };
    }
    const count = item.cadence === 'per_stage' ? new Set(list.map((e) => e.data.matter ?? e.id)).size : list.length;
    return { ...base, state: 'unscheduled', count };
  });
}
