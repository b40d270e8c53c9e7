/**
 * The compliance report and request log as the site sees them: computed once per build from
 * the loaded project, the build's "today" and its one git log, then shared by /supervision/,
 * /requests/, the downloads and the badges on unit pages.
 */
import type { RequestRow } from '../domain/requests/request-log.ts';
import { buildComplianceReport, type ComplianceReport, type UnitCompliance } from '../domain/supervision/compliance.ts';
import { buildCalendar } from '../domain/time/calendar.ts';
import { lastUpdatesFromGit } from '../git/git-history.ts';
import type { SiteContext } from './context.ts';
import { siteData } from './project.ts';

export interface SiteReport {
  report: ComplianceReport;
  unitById: Map<string, UnitCompliance>;
  requestsByUnit: Map<string, RequestRow[]>;
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
  const result = { report, unitById: new Map(report.units.map((u) => [u.unit, u])), requestsByUnit };
  cached = { data, report: result };
  return result;
}
