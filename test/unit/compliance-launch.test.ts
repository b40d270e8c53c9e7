/**
 * Supervision from the launch day (site.yaml `launch`): periods that began before it are not
 * asked for, an item is "not yet due" until its first deadline after it, a disclosure made
 * anyway still counts, and the report, its CSV and JSON say so plainly. Without `launch`
 * everything counts from the earliest period, as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Entry, Project } from '../../src/domain/model.ts';
import { catalogSchema, indexCatalog } from '../../src/domain/schema/catalog.ts';
import { siteSchema, type Site } from '../../src/domain/schema/site.ts';
import type { Unit } from '../../src/domain/schema/unit.ts';
import { buildComplianceReport } from '../../src/domain/supervision/compliance.ts';
import { firstDueAfterLaunch, unitCadence } from '../../src/domain/supervision/cadence.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { complianceCsv, complianceJson, complianceMarkdown } from '../../src/report/compliance-format.ts';
import { ROOT } from '../helpers.ts';
import { entry } from './time-fixtures.ts';

// The standard catalogue a county gets from init: public items are long-term, quarterly, half-yearly and yearly.
const catalog = indexCatalog(catalogSchema.parse(parseYaml(readFileSync(join(ROOT, 'content/catalog.yaml'), 'utf8'))));
const base = siteSchema.parse({
  county: '清河县',
  title: '清河县党务公开网',
  base_url: 'https://dwgk.qinghe.gov.cn/',
  publisher: '中共清河县委组织部',
  supervision_phone: '0312-8123456',
});
const launched = (launch: string): Site => ({ ...base, launch });
const village: Unit = { id: 'v-a', name: '东门社区', kind: 'village', parent: 't-a', maintainers: [] };
const town: Unit = { id: 't-a', name: '城关镇', kind: 'town', parent: 'county', maintainers: [] };

const states = (site: Site, today: string, entries: Entry[] = []) => new Map(unitCadence(village, entries, { today, catalog, site }).map((c) => [c.item, c]));

describe('the first deadline after the launch', () => {
  it('is the renewal day of the first period that begins on or after the launch; a long-term item gets the first month', () => {
    expect(firstDueAfterLaunch('long_term', '2026-12-01', 15).dueBy).toBe('2026-12-15');
    expect(firstDueAfterLaunch('long_term', '2026-12-02', 15).dueBy).toBe('2027-01-15');
    expect(firstDueAfterLaunch('quarterly', '2026-12-01', 15)).toMatchObject({ dueBy: '2027-01-15', period: { start: '2027-01-01' } });
    expect(firstDueAfterLaunch('quarterly', '2026-10-01', 15).dueBy).toBe('2026-10-15');
    expect(firstDueAfterLaunch('semiannual', '2026-03-20', 20).dueBy).toBe('2026-07-20');
    expect(firstDueAfterLaunch('annual', '2026-01-01', 15).dueBy).toBe('2026-01-15');
    expect(firstDueAfterLaunch('monthly', '2026-12-31', 15).dueBy).toBe('2027-01-15');
  });
});

describe('cadence from the launch day', () => {
  it('on launch day nothing is failing: every scheduled item is not yet due, with its first deadline', () => {
    const s = states(launched('2026-12-01'), '2026-12-01');
    const scheduled = [...s.values()].filter((c) => c.state !== 'unscheduled');
    expect(scheduled.length).toBeGreaterThan(10);
    expect(scheduled.every((c) => c.state === 'not_due')).toBe(true);
    expect(s.get('org-setup-division')).toMatchObject({ state: 'not_due', dueBy: '2026-12-15', period: undefined });
    expect(s.get('dues-collection')).toMatchObject({ state: 'not_due', dueBy: '2027-01-15', period: '2027年上半年' });
    expect(s.get('superior-decisions')).toMatchObject({ state: 'not_due', dueBy: '2027-01-15', period: '2027年第一季度' });
    // Without a launch day the same empty unit fails everything, as a demo snapshot should.
    const demo = states(base, '2026-12-01');
    expect(demo.get('org-setup-division')!.state).toBe('missing');
    expect(demo.get('superior-decisions')!.state).toBe('missing');
  });

  it('after the first deadline the ordinary rules apply: a long-term item never published is missing', () => {
    const s = states(launched('2026-12-01'), '2027-01-10');
    expect(s.get('org-setup-division')!.state).toBe('missing');
    // The quarter's first deadline after the launch (15 January) has not come yet.
    expect(s.get('superior-decisions')!.state).toBe('not_due');
    const later = states(launched('2026-12-01'), '2027-01-16');
    expect(later.get('superior-decisions')).toMatchObject({ state: 'missing', period: '2027年第一季度', dueBy: '2027-01-15' });
    // The next period is "due soon" before its renewal day, as without a launch day.
    const april = states(launched('2026-12-01'), '2027-04-10', [entry('q1', { item: 'superior-decisions', date: '2027-01-08', period: '2027-Q1' })]);
    expect(april.get('superior-decisions')).toMatchObject({ state: 'due_soon', dueBy: '2027-04-15' });
  });

  it('a disclosure made before its first deadline counts as current, also for a period that began before the launch', () => {
    const entries = [
      entry('setup', { item: 'org-setup-division', date: '2026-12-03' }),
      entry('dues-h2', { item: 'dues-collection', date: '2026-12-02', period: '2026-H2' }),
    ];
    const s = states(launched('2026-12-01'), '2026-12-05', entries);
    expect(s.get('org-setup-division')!.state).toBe('current');
    expect(s.get('dues-collection')).toMatchObject({ state: 'current', period: '2026年下半年' });
    // In the next half-year the 2026-H2 entry no longer covers it: not yet due until 15 January.
    expect(states(launched('2026-12-01'), '2027-01-05', entries).get('dues-collection')!.state).toBe('not_due');
  });

  it('before the launch day everything is not yet due', () => {
    const s = states(launched('2027-03-01'), '2026-12-01');
    expect([...s.values()].filter((c) => c.state !== 'unscheduled' && c.state !== 'not_due')).toEqual([]);
  });
});

describe('the compliance report from the launch day', () => {
  const project = (site: Site, entries: Entry[] = []) =>
    ({ site, catalog, units: [town, village], boards: [], templates: new Map(), entries, requests: [], pages: [], calendars: [] }) satisfies Project;
  const report = (site: Site, today: string, entries: Entry[] = []) =>
    buildComplianceReport(project(site, entries), buildCalendar([]), today, { kind: 'entries', reason: 'no-git' });

  it('counts not-yet-due items apart: none required on launch day, and the report says why', () => {
    const r = report(launched('2026-12-01'), '2026-12-01');
    const v = r.units.find((u) => u.unit === 'v-a')!;
    expect(v).toMatchObject({ required: 0, covered: 0, overdue: 0, missing: 0, firstDue: '2026-12-15' });
    expect(v.notDue).toBeGreaterThan(10);
    expect(r.summary).toMatchObject({ required: 0, overdue: 0, missing: 0, notDue: v.notDue * 2 });
    expect(r.launch).toBe('2026-12-01');

    const md = complianceMarkdown(r, { detailUnits: 1 });
    expect(md).toContain('本站2026年12月1日开通，此前开始的期间不计');
    expect(md).toContain(`都还没到开通后第一次公开期限：${v.notDue * 2} 项未到期`);
    expect(md).toContain('| 未到期 |');
    expect(md).toContain('党组织设置和领导班子分工：未到期（开通后第一次公开期限还没到）（开通后第一次应于 2026-12-15 前公开）');
    expect(md).not.toMatch(/\| 0% \|/); // nothing due: a dash, not a rate of nothing

    const [head, row] = complianceCsv(r).slice(1).split('\r\n');
    expect(head).toContain('未到期');
    expect(head!.endsWith('开通日期（此前开始的期间不计）')).toBe(true);
    expect(row!.endsWith(',2026-12-01')).toBe(true);
    expect(row).toMatch(/,0,0,,0,0,0,1\d,/); // required 0, covered 0, no rate (not 100), …, not yet due

    const json = JSON.parse(complianceJson(r));
    expect(json.launch).toBe('2026-12-01');
    expect(json.launchNote).toContain('本站2026年12月1日开通');
  });

  it('forty days on shows the real failures: the long-term items still missing', () => {
    const r = report(launched('2026-12-01'), '2027-01-10', [entry('setup', { item: 'org-setup-division', date: '2026-12-03' })]);
    const v = r.units.find((u) => u.unit === 'v-a')!;
    expect(v).toMatchObject({ required: 2, covered: 1, missing: 1, rate: 50 });
    expect(v.items.find((i) => i.item === 'rules-procedures')!.state).toBe('missing');
    expect(complianceMarkdown(r)).toContain('4 项，已按时公开 1 项（25%），逾期未更新 0 项，从未公开 3 项；开通后第一次公开期限还没到的 26 项记为未到期');
  });

  it('without a launch day counts everything and adds no launch column', () => {
    const r = report(base, '2026-12-01');
    expect(r.launch).toBeUndefined();
    expect(r.summary.notDue).toBe(0);
    expect(r.summary.missing).toBe(r.summary.required);
    const md = complianceMarkdown(r);
    expect(md).not.toContain('开通');
    expect(md).not.toContain('未到期');
    expect(JSON.parse(complianceJson(r)).launchNote).toBeUndefined();
  });
});
