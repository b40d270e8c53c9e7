/** `gongkai report` on the mini fixture: the three formats, "today" as an input, and clear errors. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildComplianceReport } from '../../src/domain/supervision/compliance.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { cli, copyMini, load, MINI, put } from '../helpers.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = copyMini();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('gongkai report', { timeout: 30_000 }, () => {
  it('writes a Markdown report with the county summary, towns and units', () => {
    const r = cli(['report', '--content', MINI], undefined, undefined, { GONGKAI_TODAY: '2026-11-28' }); // "today" from the environment
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 示范县党务公开督查考评报告');
    expect(r.stdout).toContain('统计日期：2026年11月28日');
    expect(r.stdout).toContain('## 按镇（街道）汇总');
    expect(r.stdout).toContain('甲村党支部');
    expect(r.stdout).not.toContain('SENTINEL-PARTY');
  });

  it('gives JSON whose figures follow "today"', () => {
    const r = cli(['report', '--content', MINI, '--format', 'json', '--today', '2026-11-28']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.today).toBe('2026-11-28');
    expect(json.units).toHaveLength(5);
    const a = json.units.find((u: { unit: string }) => u.unit === 'v-demo-a');
    // dues-collection was published for 2026-H1 only: overdue by 2026-11-28 (renew by 2026-07-15).
    expect(a.items.find((i: { item: string }) => i.item === 'dues-collection')).toMatchObject({ state: 'overdue', period: '2026年下半年' });
    expect(json.summary.requestStates.on_time).toBe(1);
    expect(r.stdout).not.toContain('SENTINEL-PARTY');
    // The same repository on an earlier day (in process: the CLI start-up is the slow part).
    const { project } = load(MINI);
    const before = buildComplianceReport(project!, buildCalendar(project!.calendars), '2026-07-10', { kind: 'entries', reason: 'no-git' });
    expect(before.units.find((u) => u.unit === 'v-demo-a')!.items.find((i) => i.item === 'dues-collection')!.state).toBe('due_soon');
    expect(before.summary.requests).toBe(0); // the request came in on 2026-11-24
  });

  it('gives CSV with one row per unit, BOM and CRLF for Excel', () => {
    const r = cli(['report', '--content', MINI, '--format', 'csv', '--today', '2026-11-28']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF单位,单位名称,类型')).toBe(true);
    expect(r.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 5);
  });

  it('rejects a bad date or format as usage errors', () => {
    const bad = cli(['report', '--content', MINI, '--today', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2026年2月没有30日');
    const fmt = cli(['report', '--content', MINI, '--format', 'xlsx']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('只能是 md、csv 或 json');
  });

  it('stops with the missing-year message when a deadline falls in a year with no holiday data', () => {
    const dir = fresh();
    put(dir, 'requests/v-demo-a/2028/late-year.md', '---\ntopic: 二〇二八年的点题\nreceived: 2028-01-05\nchannel: 电话\n---\n问题。\n');
    const r = cli(['report', '--content', dir, '--today', '2028-01-10'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2028年节假日安排尚未录入');
    expect(r.stderr).toContain('content/calendar/2028.yaml');
    expect(r.stderr).not.toContain('    at ');
    // check names the file, line and fix.
    const checked = cli(['check', '--content', dir], dir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^requests\/v-demo-a\/2028\/late-year\.md:3:\d+: 错误\[calendar-gap\] 2028年节假日安排尚未录入/m);
    expect(checked.stdout).toContain('content/calendar/2028.yaml');
    // Adding the year's calendar fixes it.
    put(dir, 'calendar/2028.yaml', 'year: 2028\nsource: 测试用的假设安排\nholidays:\n  - { from: 2028-01-01, to: 2028-01-03 }\n');
    const ok = cli(['report', '--content', dir, '--today', '2028-01-10', '--format', 'json'], dir);
    expect(ok.code).toBe(0);
    const row = JSON.parse(ok.stdout).requests.find((q: { id: string }) => q.id === 'v-demo-a/late-year');
    expect(row).toMatchObject({ deadline: '2028-01-10', state: 'due_today' });
  });
});
