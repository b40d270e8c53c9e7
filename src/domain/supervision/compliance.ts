/**
 * The compliance report (督查考评): per unit, per town and for the county, built only from
 * facts in the repository — entry dates and periods, request dates, git history — never from
 * a status a unit declares about itself. The same figures feed `gongkai report` and /supervision/.
 */
import type { Entry, Project } from '../model.ts';
import { isPublic } from '../publication.ts';
import { buildRequestLog, countByState, type RequestRow } from '../requests/request-log.ts';
import type { RequestState } from '../requests/request-state.ts';
import { UNIT_KIND_LABELS, type Unit } from '../schema/unit.ts';
import type { WorkCalendar } from '../time/calendar.ts';
import { unitCadence, type ItemCadence } from './cadence.ts';
import { rateOf } from './rate.ts';

export interface UnitCompliance {
  unit: string;
  unitName: string;
  kindLabel: string;
  /** The town the unit belongs to (itself for a town); undefined for county-level units. */
  town: string | undefined;
  /**
   * Scheduled items (long-term and periodic) required at the unit's level and due by now: an
   * item whose first deadline after the launch (site.yaml `launch`) has not come is not.
   */
  required: number;
  /** Of those, disclosed for the current period (or existing, for long-term items). */
  covered: number;
  dueSoon: number;
  overdue: number;
  missing: number;
  /** Scheduled items not yet due: their first deadline after the launch is still ahead. */
  notDue: number;
  /** The earliest of those first deadlines. */
  firstDue: string | undefined;
  /** Requests answered late, and requests overdue without a reply. */
  lateReplies: number;
  overdueRequests: number;
  requests: number;
  /** When the unit last changed its content: see `LastUpdateSource`. */
  lastUpdate: string | undefined;
  /** covered / required, 0–100, rounded down: the one figure the table sorts on by default. */
  rate: number;
  items: ItemCadence[];
}

export interface Rollup {
  id: string;
  name: string;
  units: number;
  required: number;
  covered: number;
  overdue: number;
  missing: number;
  notDue: number;
  lateReplies: number;
  overdueRequests: number;
  requests: number;
  rate: number;
}

/**
 * Where "last update" comes from. Normally git: the day (Asia/Shanghai) of the newest commit,
 * on or before today, that touched the unit's content files — a fact the unit cannot type in.
 * When git cannot tell, the dates written in entries and replies stand in, and the report says why.
 */
export type LastUpdateSource =
  | { kind: 'git'; byUnit: ReadonlyMap<string, string> }
  | {
      kind: 'entries';
      /** no-git: not a repository; shallow: a shallow clone; no-commits: nothing committed by today. */
      reason: 'no-git' | 'shallow' | 'no-commits';
      /** no-commits: the day of the first content commit, when there is one (after today). */
      firstCommit?: string;
    };

export type LastUpdateBasis = { kind: 'git' } | Extract<LastUpdateSource, { kind: 'entries' }>;

export interface ComplianceReport {
  today: string;
  /** The site's launch day (site.yaml `launch`): periods that began before it are not counted. */
  launch: string | undefined;
  lastUpdateBasis: LastUpdateBasis;
  county: string;
  units: UnitCompliance[];
  towns: Rollup[];
  summary: Rollup & { requestStates: Record<RequestState, number> };
  requests: RequestRow[];
  /** Years without their holiday arrangement that some request's deadline or days overdue were counted across (weekends only). */
  provisionalYears?: number[];
}

function townOf(unit: Unit, byId: Map<string, Unit>): string | undefined {
  if (unit.kind === 'town') return unit.id;
  if (unit.kind === 'village' && unit.parent && byId.get(unit.parent)?.kind === 'town') return unit.parent;
  return undefined;
}

function rollup(id: string, name: string, list: readonly UnitCompliance[]): Rollup {
  const sum = (f: (u: UnitCompliance) => number) => list.reduce((n, u) => n + f(u), 0);
  const required = sum((u) => u.required);
  const covered = sum((u) => u.covered);
  return {
    id,
    name,
    units: list.length,
    required,
    covered,
    overdue: sum((u) => u.overdue),
    missing: sum((u) => u.missing),
    notDue: sum((u) => u.notDue),
    lateReplies: sum((u) => u.lateReplies),
    overdueRequests: sum((u) => u.overdueRequests),
    requests: sum((u) => u.requests),
    rate: rateOf(covered, required),
  };
}

function typedLastUpdate(items: readonly ItemCadence[], reqs: readonly RequestRow[]): string | undefined {
  const dates = [...items.map((i) => i.lastDate), ...reqs.map((r) => r.replied)].filter((d): d is string => d !== undefined);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : undefined;
}

export function buildComplianceReport(project: Project, calendar: WorkCalendar, today: string, lastUpdates: LastUpdateSource): ComplianceReport {
  const { catalog, site } = project;
  const byId = new Map(project.units.map((u) => [u.id, u]));
  const entriesByUnit = new Map<string, Entry[]>();
  for (const e of project.entries) {
    if (!isPublic(e)) continue;
    const list = entriesByUnit.get(e.unit);
    if (list) list.push(e);
    else entriesByUnit.set(e.unit, [e]);
  }
  const requests = buildRequestLog({ project, calendar, today });
  const requestsByUnit = new Map<string, RequestRow[]>();
  for (const r of requests) {
    const list = requestsByUnit.get(r.unit);
    if (list) list.push(r);
    else requestsByUnit.set(r.unit, [r]);
  }

  const units = project.units.map((unit): UnitCompliance => {
    const items = unitCadence(unit, entriesByUnit.get(unit.id) ?? [], { today, catalog, site });
    const scheduled = items.filter((i) => i.state !== 'unscheduled' && i.state !== 'not_due');
    const notDue = items.filter((i) => i.state === 'not_due');
    const count = (s: ItemCadence['state']) => scheduled.filter((i) => i.state === s).length;
    const reqs = requestsByUnit.get(unit.id) ?? [];
    const covered = count('current');
    return {
      unit: unit.id,
      unitName: unit.name,
      kindLabel: UNIT_KIND_LABELS[unit.kind],
      town: townOf(unit, byId),
      required: scheduled.length,
      covered,
      dueSoon: count('due_soon'),
      overdue: count('overdue'),
      missing: count('missing'),
      notDue: notDue.length,
      firstDue: notDue.reduce<string | undefined>((m, i) => (m === undefined || i.dueBy! < m ? i.dueBy : m), undefined),
      lateReplies: reqs.filter((r) => r.state === 'late').length,
      overdueRequests: reqs.filter((r) => r.state === 'overdue').length,
      requests: reqs.length,
      lastUpdate: lastUpdates.kind === 'git' ? lastUpdates.byUnit.get(unit.id) : typedLastUpdate(items, reqs),
      rate: rateOf(covered, scheduled.length),
      items,
    };
  });

  const towns: Rollup[] = [];
  const countyLevel = units.filter((u) => u.town === undefined);
  if (countyLevel.length) towns.push(rollup('county-level', '县委和县直单位', countyLevel));
  for (const unit of project.units.filter((u) => u.kind === 'town')) {
    towns.push(
      rollup(
        unit.id,
        unit.name,
        units.filter((u) => u.town === unit.id),
      ),
    );
  }
  const guessed = new Set<number>();
  for (const r of requests)
    if (r.deadlineProvisional || r.daysLateProvisional)
      for (const y of calendar.provisionalYears(r.received, r.deadline! > today ? r.deadline! : today)) guessed.add(y);
  return {
    today,
    launch: site.launch,
    lastUpdateBasis: lastUpdates.kind === 'git' ? { kind: 'git' } : lastUpdates,
    county: site.county,
    units,
    towns,
    summary: { ...rollup('county', site.county, units), requestStates: countByState(requests) },
    requests,
    ...(guessed.size ? { provisionalYears: [...guessed].sort() } : {}),
  };
}
