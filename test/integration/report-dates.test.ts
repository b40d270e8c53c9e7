/**
 * The report's dates: "today" from --today, GONGKAI_TODAY or site.yaml's as_of (and the line
 * saying which), and "last update" from git — the newest commit touching a unit's content on or
 * before today — on a fixture repository with commits at fixed dates.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyMini, MINI, put } from '../helpers.ts';

const made: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

let repo: string;
const git = (when: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  });
const content = () => join(repo, 'content');
const report = (args: string[], env: Record<string, string> = {}) => cli(['report', '--content', content(), ...args], repo, undefined, env);
const unitsOf = (stdout: string) => new Map((JSON.parse(stdout).units as { unit: string; lastUpdate?: string }[]).map((u) => [u.unit, u.lastUpdate]));

beforeAll(() => {
  repo = temp('gongkai-report-git-');
  cpSync(MINI, content(), { recursive: true });
  git('2026-03-01T10:00:00+08:00', 'init', '-q', '-b', 'main');
  git('2026-03-01T10:00:00+08:00', 'add', '-A');
  git('2026-03-01T10:00:00+08:00', 'commit', '-qm', '初始内容');
  // 23:30 UTC on the 20th is the 21st in Beijing; a request file counts as the unit's content.
  appendFileSync(join(content(), 'requests/v-demo-a/2026/road-funds.md'), '\n补充：已转交村务监督委员会。\n');
  git('2026-11-20T23:30:00Z', 'commit', '-qam', '点题补充');
  // A party-internal entry changed later: the public report must not reveal it.
  appendFileSync(join(content(), 'entries/v-demo-a/2026/sanhui-2026-10.md'), '\n调整会议时间。\n');
  git('2026-11-25T09:00:00+08:00', 'commit', '-qam', '党内安排');
  // After the report's day: not counted.
  appendFileSync(join(content(), 'entries/t-demo/2026/org-setup.md'), '\n班子分工调整。\n');
  git('2026-12-05T09:00:00+08:00', 'commit', '-qam', '镇班子调整');
});

describe('last update from git', { timeout: 30_000 }, () => {
  it('is the newest commit touching the unit’s public content, on or before today', () => {
    const r = report(['--format', 'json', '--today', '2026-11-28']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).lastUpdateBasis).toEqual({ kind: 'git' });
    const units = unitsOf(r.stdout);
    expect(units.get('v-demo-a')).toBe('2026-11-21'); // not 2026-11-25 (party entry), not the entry dates
    expect(units.get('t-demo')).toBe('2026-03-01'); // the 2026-12-05 commit is after today
    expect(units.get('v-demo-b')).toBeUndefined(); // no content of its own
    const md = report(['--today', '2026-11-28']);
    expect(md.stdout).toContain('“最近更新”是 git 记录中最后一次提交本单位内容文件');
    expect(md.stdout).toMatch(/\| 甲村党支部（v-demo-a） .*\| 2026-11-21 \|/);
    const csv = report(['--format', 'csv', '--today', '2026-11-28']);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/,最近更新（git提交日期）,开通日期（此前开始的期间不计）$/);
  });

  it('follows the report’s day: a later day sees the later commit', () => {
    const r = report(['--format', 'json', '--today', '2026-12-07']);
    expect(unitsOf(r.stdout).get('t-demo')).toBe('2026-12-05');
  });

  it('falls back to entry dates and says why before the first commit', () => {
    const r = report(['--format', 'json', '--today', '2026-02-10']);
    expect(JSON.parse(r.stdout).lastUpdateBasis).toEqual({ kind: 'entries', reason: 'no-commits', firstCommit: '2026-03-01' });
    expect(unitsOf(r.stdout).get('t-demo')).toBe('2026-01-10'); // the date typed in the entry
    expect(report(['--today', '2026-02-10']).stdout).toContain('git 记录中最早的内容提交（2026年3月1日）晚于统计日期');
  });

  it('falls back to entry dates outside a repository and in a shallow clone, and says so', () => {
    const plain = copyMini();
    made.push(plain);
    const r = cli(['report', '--content', plain, '--today', '2026-11-28'], plain);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('内容文件夹不在 git 仓库中');
    expect(r.stdout).toMatch(/\| 甲村党支部（v-demo-a） .*\| 2026-11-26 \|/); // the request's reply date typed in the file

    const shallow = join(temp('gongkai-shallow-'), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const s = cli(['report', '--content', join(shallow, 'content'), '--today', '2026-11-28', '--format', 'csv'], shallow);
    expect(s.code).toBe(0);
    expect(s.stdout.split('\r\n')[0]).toMatch(/,最近更新（条目中填写的日期）,开通日期（此前开始的期间不计）$/);
    const m = cli(['report', '--content', join(shallow, 'content'), '--today', '2026-11-28'], shallow);
    expect(m.stdout).toContain('仓库是浅克隆');
  });
});

describe('"today" from site.yaml as_of', { timeout: 30_000 }, () => {
  it('is used when neither --today nor GONGKAI_TODAY is given, and the report says so', () => {
    const dir = copyMini();
    made.push(dir);
    put(dir, 'site.yaml', readFileSync(join(dir, 'site.yaml'), 'utf8') + 'as_of: 2026-07-10\n');
    const r = cli(['report', '--content', dir, '--format', 'json'], dir, undefined, { GONGKAI_TODAY: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).today).toBe('2026-07-10');
    expect(r.stderr).toContain('统计日期：2026年7月10日（来自 site.yaml 的 as_of');
    const env = cli(['report', '--content', dir, '--format', 'json'], dir, undefined, { GONGKAI_TODAY: '2026-11-28' });
    expect(JSON.parse(env.stdout).today).toBe('2026-11-28');
    expect(env.stderr).toContain('由环境变量 GONGKAI_TODAY 指定');
    const flag = cli(['report', '--content', dir, '--format', 'json', '--today', '2026-10-12'], dir, undefined, { GONGKAI_TODAY: '2026-11-28' });
    expect(JSON.parse(flag.stdout).today).toBe('2026-10-12');
  });

  it('is checked: a day in a year without a holiday table is a calendar-gap error at site.yaml', () => {
    const dir = copyMini();
    made.push(dir);
    put(dir, 'site.yaml', readFileSync(join(dir, 'site.yaml'), 'utf8') + 'as_of: 2031-03-03\n');
    const r = cli(['check', '--content', dir], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^site\.yaml:\d+:\d+: 错误\[calendar-gap\] 2031年节假日安排尚未录入/m);
    expect(r.stdout).toContain('content/calendar/2031.yaml');
  });
});
