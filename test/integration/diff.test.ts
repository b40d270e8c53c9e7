/**
 * `gongkai diff` on a fixture repository with real commits: what each change means, and what
 * must be reprinted — always the same boards and cards `gongkai print` marks as changed
 * against the base's manifest, for a party entry, a future entry, a board:false entry and a
 * public edit.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ENTRY, MINI, put } from '../helpers.ts';

const TODAY = '2026-11-28';
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
const content = () => join(repo, 'content');

interface DiffJson {
  files: { path: string; title?: string; scope?: string; placement: string; changes?: { hunks: { markdown: string }[] } }[];
  reprints: { kind: string; id: string; change: string; reasons: string[] }[];
  boards: string[];
  cards: string[];
}
function diffJson(base: string, head: string): DiffJson {
  const r = cli(['diff', base, '--head', head, '--content', content(), '--format', 'json', '--today', TODAY], repo);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

/** Print files for the work tree as it is, marked against the base's manifest: what the build would reprint. */
function printedChanges(out: string, previous: string): { boards: string[]; cards: string[] } {
  const r = cli(['print', '--content', content(), '--out', out, '--today', TODAY, '--previous', previous], repo);
  expect(r.code, r.stderr).toBe(0);
  const m = JSON.parse(readFileSync(join(out, 'print/manifest.json'), 'utf8')) as {
    boards: { id: string; changed: boolean }[];
    cards: { unit: string; changed: boolean }[];
  };
  return { boards: m.boards.filter((b) => b.changed).map((b) => b.id), cards: m.cards.filter((c) => c.changed).map((c) => c.unit) };
}

const FM = (extra: string) => `title: 甲村党支部测试条目\ndate: 2026-11-20\nreviewed_by: 王某某\napproved_by: 李某某\n${extra}`;
const SCENARIOS: [name: string, change: () => void][] = [
  [
    'a party entry',
    () =>
      put(
        repo,
        'content/entries/v-demo-a/2026/sanhui-2026-11.md',
        ENTRY(FM('item: sanhui-yike\nperiod: 2026-11\nscope: party'), '支部委员会会议记录：讨论了内部事项。'),
      ),
  ],
  [
    'a future entry',
    () =>
      put(
        repo,
        'content/entries/v-demo-a/2026/future.md',
        ENTRY(
          FM('item: sanzhong-yida\nmeeting: { name: 支委会, date: 2026-11-18, expected: 5, present: 5, vote: 5票同意 }').replace('2026-11-20', '2026-12-10'),
          '将于12月公布。',
        ),
      ),
  ],
  [
    'a board:false entry',
    () => put(repo, 'content/entries/v-demo-a/2026/web-only.md', ENTRY(FM('item: rules-procedures\nboard: false'), '只在网站上公开的议事规则。')),
  ],
  ['a public edit', () => appendFileSync(join(repo, 'content/entries/v-demo-a/2026/dues-2026-h1.md'), '\n补充说明：表中金额已核对。\n')],
];

let baseManifest: string;
const outs: string[] = [];
const results = new Map<string, { diff: DiffJson; printed: { boards: string[]; cards: string[] }; markdown: string }>();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gongkai-diff-'));
  cpSync(MINI, content(), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const baseOut = mkdtempSync(join(tmpdir(), 'gongkai-diff-print-'));
  outs.push(baseOut);
  expect(cli(['print', '--content', content(), '--out', baseOut, '--today', TODAY], repo).code).toBe(0);
  baseManifest = join(baseOut, 'print/manifest.json');
  for (const [name, change] of SCENARIOS) {
    git('checkout', '-q', '-B', 'main', 'main');
    git('checkout', '-q', '-b', name.replace(/[^a-z]+/g, '-'), 'main');
    change();
    git('add', '-A');
    git('commit', '-qm', name);
    const out = mkdtempSync(join(tmpdir(), 'gongkai-diff-print-'));
    outs.push(out);
    const printed = printedChanges(out, baseManifest);
    const md = cli(
      [
        'diff',
        'main',
        '--head',
        'HEAD',
        '--content',
        content(),
        '--format',
        'markdown',
        '--today',
        TODAY,
        '--previews',
        join(out, 'review'),
        '--preview-url',
        'https://p.example/r',
      ],
      repo,
    );
    expect(md.code, md.stderr).toBe(0);
    results.set(name, { diff: diffJson('main', 'HEAD'), printed, markdown: md.stdout });
  }
  git('checkout', '-q', 'main');
}, 240_000);
afterAll(() => [repo, ...outs].forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('gongkai diff: the summary and the build agree on what to reprint', () => {
  it.each(SCENARIOS.map(([name]) => [name]))('%s', (name) => {
    const { diff, printed } = results.get(name)!;
    expect(diff.boards).toEqual(printed.boards);
    expect(diff.cards).toEqual(printed.cards);
  });

  it('a party-internal entry: never public, never quoted, no reprint', () => {
    const { diff, markdown } = results.get('a party entry')!;
    expect(diff.reprints).toEqual([]);
    const [f] = diff.files;
    expect(f).toMatchObject({ scope: 'party' });
    expect(f!.title).toBeUndefined();
    expect(f!.placement).toContain('不需要重新印刷');
    expect(markdown).not.toContain('内部事项');
    expect(markdown).not.toContain('甲村党支部测试条目');
    expect(markdown).toContain('不需要重新印刷任何公开栏和明白卡');
  });

  it('a future entry: on the board from its date, nothing to reprint now', () => {
    const { diff, markdown } = results.get('a future entry')!;
    expect(diff.reprints).toEqual([]);
    expect(diff.files[0]!.placement).toContain('12月10日起上网站和公开栏');
    expect(markdown).toContain('**《甲村党支部测试条目》** · 甲村党支部 · 新增 · 社会公开');
  });

  it('a board:false entry: on the website only', () => {
    const { diff } = results.get('a board:false entry')!;
    expect(diff.files[0]!.placement).toContain('只上网站（board: false），不上公开栏');
    expect(diff.boards).toEqual([]);
  });

  it('a public edit: the board reprinted with the reason, the words that changed, and every page previewed in real text', () => {
    const { diff, markdown } = results.get('a public edit')!;
    expect(diff.boards).toEqual(['b-v-demo-a']);
    expect(diff.reprints[0]!.reasons[0]).toContain('修改：v-demo-a/dues-2026-h1“甲村党支部2026年上半年党费收缴情况”');
    expect(diff.files[0]!.changes!.hunks.map((h) => h.markdown)).toEqual(['<ins>补充说明：表中金额已核对。</ins>']);
    expect(markdown).toContain('公开栏 **b-v-demo-a**（甲村党支部，村委会门前广场，2400×1200 毫米）：内容有变化，重新印刷');
    expect(markdown).toContain('印在公开栏 b-v-demo-a');
    expect(markdown).toContain('![公开栏 b-v-demo-a 第1页](https://p.example/r/board-b-v-demo-a-1.png)');
  });
});

describe('gongkai diff', () => {
  it('writes the preview pages as PNG files where --previews says', () => {
    const out = outs[SCENARIOS.length]!;
    expect(existsSync(join(out, 'review/board-b-v-demo-a-1.png'))).toBe(true);
    expect(readFileSync(join(out, 'review/board-b-v-demo-a-1.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('includes uncommitted and untracked work, and lists errors with fixes', () => {
    put(repo, 'content/entries/v-demo-b/2026/new.md', '---\ntitle: 乙村\nitem: dues-collection\ndate: 2026-02-30\n---\n');
    const r = cli(['diff', 'HEAD', '--content', content(), '--format', 'markdown', '--today', TODAY], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('❌ 发现');
    expect(r.stdout).toContain('| content/entries/v-demo-b/2026/new.md 第4行 |');
    expect(r.stdout).toContain('这个文件有错误');
    rmSync(join(repo, 'content/entries/v-demo-b/2026/new.md'));
  });

  it('says so when the base does not exist', () => {
    const r = cli(['diff', 'no-such-branch', '--content', content()], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到版本“no-such-branch”');
  });
});
