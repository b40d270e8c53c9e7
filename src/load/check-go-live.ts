/**
 * The go-live check against the files: findings of src/domain/rules/go-live-rules.ts placed at
 * their lines in site.yaml, units.yaml and boards.yaml, plus the holiday calendar for the year
 * ahead. Runs when site.yaml says `production: true`, or for `check --go-live`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Board } from '../domain/schema/board.ts';
import type { Site } from '../domain/schema/site.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { checkGoLive, checkLaunch } from '../domain/rules/go-live-rules.ts';
import { checkComingYearCalendar } from '../domain/time/calendar-rules.ts';
import type { WorkCalendar } from '../domain/time/calendar.ts';
import { checkGongkaiAge } from '../domain/rules/upgrade-rules.ts';
import { INSTALLED, WORK_ROOT } from '../project-root.ts';
import { installedGongkai } from './installed-gongkai.ts';
import type { Reporter } from './source-file.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface GoLiveInput {
  contentDir: string;
  site: Site;
  units: readonly Unit[];
  boards: readonly Board[];
  calendar: WorkCalendar;
  /** The build's day (never as_of, which a live site may not set). */
  today: string;
}

/** A county's installed Gongkai, half a year after its release: told at the county's package.json, where its version is pinned. */
function reportGongkaiAge(today: string, report: Reporter): void {
  if (!INSTALLED) return;
  const finding = checkGongkaiAge(installedGongkai(), today);
  const pkg = join(WORK_ROOT, 'package.json');
  if (finding && existsSync(pkg)) report.fields(pkg, parseYamlSource(readFileSync(pkg, 'utf8')), [finding]);
}

export function reportGoLive(input: GoLiveInput, report: Reporter): void {
  const found = checkGoLive(input.site, input.units, input.boards);
  found.site.push(...checkLaunch(input.site, input.today));
  const calendar = checkComingYearCalendar(input.today, input.calendar);
  if (calendar) found.site.push(calendar);
  for (const [name, findings] of [
    ['site.yaml', found.site],
    ['units.yaml', found.units],
    ['boards.yaml', found.boards],
  ] as const) {
    if (!findings.length) continue;
    const abs = join(input.contentDir, name);
    report.fields(abs, parseYamlSource(readFileSync(abs, 'utf8')), findings);
  }
  reportGongkaiAge(input.today, report);
  // An entry still showing （待填写） is a draft: on a live site it must not reach a board or a card.
  for (const d of report.diagnostics)
    if (d.code === 'placeholder' && d.severity === 'warning') {
      d.severity = 'error';
      d.message += '（正式站点不能发布未填完的条目）';
    }
}
