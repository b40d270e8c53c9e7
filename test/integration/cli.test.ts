/** The CLI as clerks and CI run it: exit codes, output format, `new`, and the demo county. */
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyMini, ENTRY, GOOD_FM, MINI, put, ROOT } from '../helpers.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = copyMini();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('gongkai check', () => {
  it('exits 0 on clean content', () => {
    const r = cli(['check', '--content', fresh()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有发现问题');
  });

  it('exits 1 with path:line:col: 错误[code] and 提示 on bad content', () => {
    const dir = fresh();
    put(dir, 'entries/v-demo-a/2026/bad.md', ENTRY(GOOD_FM.replace('2026-H2', '2026-Q4')));
    const r = cli(['check', '--content', dir], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^entries\/v-demo-a\/2026\/bad\.md:5:9: 错误\[period-cadence-mismatch\] /m);
    expect(r.stdout).toContain('  提示：');
    expect(r.stderr).toBe('');
  });

  it('gives the same as JSON with --json', () => {
    const dir = fresh();
    put(dir, 'entries/v-demo-a/2026/bad.md', '');
    const r = cli(['check', '--content', dir, '--json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ ok: false, errors: 1 });
    expect(json.diagnostics[0]).toMatchObject({ file: 'entries/v-demo-a/2026/bad.md', line: 1, code: 'empty-file', severity: 'error' });
  });

  it('exits 2 on usage errors, in Chinese', () => {
    const r = cli(['check', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识的参数');
    expect(cli(['frobnicate']).code).toBe(2);
  });

  it('passes the demo county', () => {
    const r = cli(['check', '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.errors).toBe(0);
    expect(r.code).toBe(0);
    expect(json.files).toBeGreaterThan(5000);
  }, 60_000);
});

describe('gongkai new', () => {
  it('writes an entry that passes check unchanged', () => {
    const dir = fresh();
    const r = cli(['new', '--content', dir, '--unit', 'v-demo-a', '--item', 'dues-usage', '--title', '甲村党支部2026年度党费使用情况', '--date', '2026-11-28']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(dir, 'entries/v-demo-a/2026/2026-11-28-dues-usage.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('period: 2026\n');
    expect(text).toContain('# 公开事项：党费使用和管理情况');
    const check = cli(['check', '--content', dir], dir);
    expect(check.code).toBe(0);
    // What is left to fill in is a warning, not silence.
    expect(check.stdout).toContain('警告[placeholder]');
  });

  it('writes staged, notice and party entries that pass check', () => {
    const dir = fresh();
    const runs = [
      ['--item', 'major-decisions', '--stage', 'decision', '--matter', 'demo-road-2026'],
      ['--item', 'recruitment-publicity'],
      ['--item', 'sanhui-yike'],
      ['--item', 'sanzhong-yida'],
    ];
    for (const extra of runs) {
      const r = cli(['new', '--content', dir, '--unit', '甲村党支部', '--title', '测试条目', '--date', '2026-11-28', ...extra]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(cli(['check', '--content', dir], dir).code).toBe(0);
  });

  it('asks for what it needs when run bare, and the answers make a valid entry', () => {
    const dir = fresh();
    const answers =
      ['甲村党支部', 'dues-usage', '甲村党支部2026年度党费使用情况', '王某某（支部副书记）', '李某某（支部书记）', '全年使用党费2,400元'].join('\n') + '\n';
    const r = cli(['new', '--content', dir], dir, answers, { GONGKAI_FORCE_PROMPT: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('15. dues-usage（党费使用和管理情况）');
    const check = cli(['check', '--content', dir], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('警告[placeholder]'); // only the body is left to write
    expect(check.stdout).not.toMatch(/:(9|10|11):\d+: 警告/); // reviewer, approver and summary were filled in
  });

  it('is a conversation: its own example is accepted, a wrong answer is asked again with the closest choices, nothing answered is lost', () => {
    const dir = fresh();
    const answers = ['桃花村', '甲村', '99', '党费使用', '15', '', '甲村党支部2026年度党费使用情况', '', '', ''].join('\n') + '\n';
    const r = cli(['new', '--content', dir], dir, answers, { GONGKAI_FORCE_PROMPT: '1' });
    expect(r.code, r.stderr).toBe(0);
    // The question's example is one of this county's units.
    expect(r.stdout).toContain('单位（标识或名称，例如 v-demo-a 或 甲村党支部）');
    expect(r.stdout).toContain('✗ 找不到单位“桃花村”。');
    // 甲村 is 甲村党支部: the same village by its place name.
    expect(r.stdout).toContain('→ 单位：v-demo-a（甲村党支部）');
    expect(r.stdout).toContain('✗ “99”不是甲村党支部可用的公开事项。请输入上面列表中的序号（1–26）');
    expect(r.stdout).toContain('最接近的：15. dues-usage（党费使用和管理情况）');
    expect(r.stdout).toContain('✗ 标题必须填写。');
    const text = readFileSync(join(dir, 'entries/v-demo-a/2026/2026-11-28-dues-usage.md'), 'utf8');
    expect(text).toContain('title: "甲村党支部2026年度党费使用情况"');
  });

  it('accepts the example of its question as written, and a stage in Chinese', () => {
    const dir = fresh();
    const r = cli(['new', '--content', dir], dir, ['甲村党支部', 'major-decisions', '村道硬化', '决策', '', '', ''].join('\n') + '\n', {
      GONGKAI_FORCE_PROMPT: '1',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(cli(['check', '--content', dir], dir).stdout).not.toContain('错误[');
  });

  it('stops with exit 2 when the answers run out', () => {
    const r = cli(['new', '--content', fresh()], ROOT, '甲村党支部\n', { GONGKAI_FORCE_PROMPT: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有输入');
  });

  it('dates the entry today on a live site, and says which day it used and why otherwise', () => {
    const args = (dir: string, title: string) => ['new', '--content', dir, '--unit', 'v-demo-a', '--item', 'sanzhong-yida', '--title', title];
    // A live site: no as_of, no GONGKAI_TODAY — today's date (here the clock GONGKAI_CLOCK sets), and nothing to explain.
    const dir = fresh();
    let r = cli(args(dir, '今天的条目'), ROOT, undefined, { GONGKAI_TODAY: '', GONGKAI_CLOCK: '2026-12-10' });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'entries/v-demo-a/2026/2026-12-10-sanzhong-yida.md'), 'utf8')).toContain('date: 2026-12-10\n');
    expect(r.stdout).not.toContain('发布日期');
    r = cli(args(dir, '指定日期的条目'), ROOT, undefined, { GONGKAI_TODAY: '2026-12-01' });
    expect(r.stdout).toContain('发布日期（date）：2026年12月1日（由环境变量 GONGKAI_TODAY 指定）。不是这一天的话');
    // The demo: its as_of, said as such.
    appendFileSync(join(dir, 'site.yaml'), 'as_of: 2026-11-27\n');
    r = cli(args(dir, '示范数据的条目'), ROOT, undefined, { GONGKAI_TODAY: '' });
    expect(r.stdout).toContain('发布日期（date）：2026年11月27日（来自 site.yaml 的 as_of');
    expect(readFileSync(join(dir, 'entries/v-demo-a/2026/2026-11-27-sanzhong-yida.md'), 'utf8')).toContain('date: 2026-11-27\n');
  });

  it('refuses an unknown unit with a suggestion, and never overwrites', () => {
    const dir = fresh();
    const r = cli(['new', '--content', dir, '--unit', 'v-demo-x', '--item', 'dues-usage', '--title', 't']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/v-demo-[ab]/);
    const args = ['new', '--content', dir, '--unit', 'v-demo-a', '--item', 'dues-usage', '--title', 't', '--slug', 'dues-2026-h1'];
    expect(cli(args).code).toBe(2);
  });
});

describe('gongkai codeowners', () => {
  it('check fails while CODEOWNERS is missing or stale; codeowners writes it', () => {
    const root = fresh();
    const content = join(root, 'content');
    cpSync(MINI, content, { recursive: true });
    appendFileSync(join(content, 'site.yaml'), 'codeowners:\n  forge: github\n  office: ["@county-office"]\n');
    let r = cli(['check', '--content', content], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\.github\/CODEOWNERS:1:1: 错误\[codeowners-outdated\]/m);
    expect(cli(['codeowners', '--content', content], root).code).toBe(0);
    expect(readFileSync(join(root, '.github/CODEOWNERS'), 'utf8')).toContain('/content/entries/v-demo-a/ @v-demo-a @t-demo @county-office');
    expect(cli(['check', '--content', content], root).code).toBe(0);
    // A new maintainer makes it stale again.
    const units = join(content, 'units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace("maintainers: ['@v-demo-a', '@t-demo']", "maintainers: ['@v-demo-a', '@t-demo', '@new-clerk']"));
    r = cli(['check', '--content', content], root);
    expect(r.stdout).toContain('不一致');
  });
});

describe('problems of the machine', () => {
  it('a full disk is an environment problem with its own exit code and fix, never an internal error', () => {
    // Linux's /dev/full fails every write with ENOSPC, as a full disk does.
    const r = cli(['report', '--content', MINI, '--out', '/dev/full']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('环境问题：磁盘空间不足。请清理磁盘');
    expect(r.stderr).toContain('（ENOSPC）');
    expect(r.stderr).not.toContain('内部错误');
    expect(r.stderr).not.toContain('    at '); // no stack trace
  });
});
