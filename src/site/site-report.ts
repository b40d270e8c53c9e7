/**
 * The compliance report and request log as the site sees them: computed once per build from
 * the loaded project, the build's "today" and its one git log, then shared by /supervision/,
 * /requests/, the downloads and the badges on unit pages.
 *
 * On a live site it also says what the pages need to stay right on later days (live-format.ts):
 * each unit's figure changes, the working days for counting overdue requests, and the last day
 * each part of the report can vouch for.
 */
import type { RequestRow } from '../domain/requests/request-log.ts';
import { nextRequestEvent } from '../domain/requests/request-state.ts';
import type { FigureChange } from './live-format.ts';
import { cadenceChanges, type CadenceChange } from '../domain/supervision/cadence-timeline.ts';
import { buildComplianceReport, type ComplianceReport, type UnitCompliance } from '../domain/supervision/compliance.ts';
import { buildCalendar } from '../domain/time/calendar.ts';
import { addDays } from '../domain/time/day-math.ts';
import { digestCalendar } from '../domain/time/work-days-digest.ts';
import { readCalendarDigest } from '../domain/time/work-days-reader.ts';
import { lastUpdatesFromGit } from '../git/git-history.ts';
import type { SiteContext } from './context.ts';
import { siteData } from './project.ts';

/**
 * How far ahead a live page carries its 督查考评 figures: a page read more than this many days
 * after its build says it is out of date. The site is rebuilt every night, so this is for a
 * kiosk's offline copy or a rebuild that keeps failing; two months cross at most one quarter's
 * start and renewal day, which keeps the supervision page small.
 */
export const LIVE_HORIZON_DAYS = 62;

/** What a live page carries of the report; absent on a frozen site. */
export interface LiveReport {
  /** Each unit's figure changes after today, up to the horizon. */
  changes: Map<string, FigureChange[]>;
  /** This year's and next year's working days (a year without its arrangement as weekends only, marked so: work-days-digest.ts). */
  workCalendar: string;
  /** The last day the figures of one unit (or, without one, of the whole county) can be vouched for. */
  validUntil(unit?: string): string;
  /** The same for a request log: also bounded by the working days the page carries, when a request is open. */
  requestsValidUntil(unit?: string): string;
}

export interface SiteReport {
  report: ComplianceReport;
  unitById: Map<string, UnitCompliance>;
  requestsByUnit: Map<string, RequestRow[]>;
  live: LiveReport | undefined;
}

const OPEN = new Set(['waiting', 'due_today', 'overdue']);
const known = (dates: readonly (string | undefined)[]) => dates.filter((d): d is string => d !== undefined).sort();
const earliest = (dates: readonly (string | undefined)[]) => known(dates)[0];
const latest = (dates: readonly (string | undefined)[]) => known(dates).at(-1);

function liveReport(data: ReturnType<typeof siteData>, report: ComplianceReport, requestsByUnit: Map<string, RequestRow[]>): LiveReport {
  const { project, today, calendar, entriesByUnit } = data;
  const horizon = addDays(today, LIVE_HORIZON_DAYS);
  const opts = { today, catalog: project.catalog, site: project.site };
  const basis = report.lastUpdateBasis;
  const byUnit = new Map(report.units.map((u) => [u.unit, u]));
  const changes = new Map(
    project.units.map((unit) => {
      const u = byUnit.get(unit.id)!;
      // Without a git record, "last update" is the latest date written in entries and replies: it moves as entries dated ahead come due.
      const replied = (requestsByUnit.get(unit.id) ?? []).map((r) => r.replied);
      const moved = (c: CadenceChange) => (basis.kind === 'entries' ? latest([c.lastDate, ...replied]) : u.lastUpdate);
      return [
        unit.id,
        cadenceChanges(unit, entriesByUnit.get(unit.id) ?? [], opts, horizon).map((c): FigureChange => {
          const f = { from: c.from, covered: c.covered, dueSoon: c.dueSoon, overdue: c.overdue, missing: c.missing, notDue: c.notDue };
          const last = moved(c);
          return last !== u.lastUpdate && last !== undefined ? { ...f, lastUpdate: last } : f;
        }),
      ];
    }),
  );
  const workCalendar = digestCalendar(calendar, Number(today.slice(0, 4)), 2);
  const calendarEnd = readCalendarDigest(workCalendar).lastDay ?? addDays(today, -1);
  // A request's next recorded event (a reply dated ahead, say) cannot be shown before its day.
  const nextEvent = new Map<string, string>();
  for (const r of project.requests) {
    const next = nextRequestEvent(r.data, today);
    const had = nextEvent.get(r.unit);
    if (next && (had === undefined || next < had)) nextEvent.set(r.unit, next);
  }
  const dayBefore = (d: string | undefined) => (d === undefined ? undefined : addDays(d, -1));
  const firstCommit =
    basis.kind === 'entries' && basis.reason === 'no-commits' && basis.firstCommit && basis.firstCommit > today ? basis.firstCommit : undefined;
  const eventOf = (unit?: string) => (unit === undefined ? earliest([...nextEvent.values()]) : nextEvent.get(unit));
  const hasOpen = (unit?: string) => (unit === undefined ? report.requests : (requestsByUnit.get(unit) ?? [])).some((r) => OPEN.has(r.state));
  const validUntil = (unit?: string) => earliest([horizon, dayBefore(eventOf(unit)), dayBefore(firstCommit)])!;
  return {
    changes,
    workCalendar,
    validUntil,
    requestsValidUntil: (unit) => earliest([validUntil(unit), hasOpen(unit) ? calendarEnd : undefined])!,
  };
}

let cached: { data: object; report: SiteReport } | undefined;

export function siteReport(context: SiteContext): SiteReport {
  const data = siteData(context);
  if (cached?.data === data) return cached.report;
  const { project, today, contentHistory, contentDir } = data;
  const lastUpdates = lastUpdatesFromGit(contentHistory, contentDir, project, today);
  const report = buildComplianceReport(project, buildCalendar(project.calendars), today, lastUpdates);
  const requestsByUnit = new Map<string, RequestRow[]>();
  for (const r of report.requests) {
    const list = requestsByUnit.get(r.unit);
    if (list) list.push(r);
    else requestsByUnit.set(r.unit, [r]);
  }
  const result = {
    report,
    unitById: new Map(report.units.map((u) => [u.unit, u])),
    requestsByUnit,
    live: data.live ? liveReport(data, report, requestsByUnit) : undefined,
  };
  cached = { data, report: result };
  return result;
}
