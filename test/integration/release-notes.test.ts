/**
 * Release notes for printers on a fixture repository with real commits and tags: which boards
 * to reprint between two releases and why, in Markdown and CSV; what `gongkai build` writes
 * for the last tag; and that a title which has since become party-internal is never named.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseNotes } from '../../src/review/release-diff.ts';
import { stageReleaseNotes } from '../../src/pipeline/release-notes-build.ts';
import { cli, ENTRY, load, MINI, put, TEMPLATES } from '../helpers.ts';

let repo: string;
const made: string[] = [];
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
const content = () => join(repo, 'content');
/** The print cache the notes render through: one per test file, removed afterwards. */
const printing = () => ({ cacheDir: join(repo, '.cache/print') });
const notes = (args: string[], env: Record<string, string> = {}) =>
  cli(['release-notes', ...args, '--content', content()], repo, undefined, { GONGKAI_CACHE_DIR: join(repo, '.cache'), ...env });
const SECRET = '乙村党员活动日轮值表 LATER-PARTY-5c1e';
/** The releases the command extracts go to a temporary folder of this test's own (TMPDIR), so other runs on the machine cannot change what is counted. */
const ownTmp = () => join(repo, 'tmp');
const tmpBefore = () =>
  readdirSync(ownTmp())
    .filter((f) => f.startsWith('gongkai-release-'))
    .sort();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gongkai-notes-'));
  cpSync(MINI, content(), { recursive: true });
  // Public at the first release, party-internal at the second.
  put(
    content(),
    'entries/v-demo-b/2026/activity-day.md',
    ENTRY(
      `title: ${SECRET}
item: rules-procedures
date: 2026-09-01
reviewed_by: 孙某某
approved_by: 周某某`,
      '每月第一个星期五为党员活动日。',
    ),
  );
  // The county unit has its board up at the first release (its only board, replaced at the second).
  put(
    content(),
    'entries/cu-demo/2026/org-setup.md',
    ENTRY(
      `title: 教育局党组组织设置和领导班子分工
item: org-setup-division
date: 2026-03-01
reviewed_by: 孙某某
approved_by: 周某某`,
      '党组成员5名。',
    ),
  );
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', '第一次发布');
  git('tag', 'v1');

  // The village changes a printed text and withdraws its road entry (image and all).
  const dues = join(content(), 'entries/v-demo-a/2026/dues-2026-h1.md');
  writeFileSync(dues, readFileSync(dues, 'utf8').replace('## 一、收缴情况', '## 一、收缴情况（已核对）'));
  git(
    'rm',
    '-q',
    'content/entries/v-demo-a/2026/road-deliberation.md',
    'content/entries/v-demo-a/2026/road-site.jpg',
    'content/requests/v-demo-a/2026/road-funds.md',
  );
  // The other village puts up its organisation (its card's first line: the card had nothing to print) and makes the activity day party-internal.
  put(
    content(),
    'entries/v-demo-b/2026/org-setup.md',
    ENTRY(
      `title: 乙村党支部组织设置和领导班子分工
item: org-setup-division
date: 2026-05-10
reviewed_by: 孙某某
approved_by: 周某某
summary: 支部委员会委员3名`,
      '乙村党支部设支部委员会，委员3名。',
    ),
  );
  const day = join(content(), 'entries/v-demo-b/2026/activity-day.md');
  writeFileSync(day, readFileSync(day, 'utf8').replace('item: rules-procedures', 'item: rules-procedures\nscope: party'));
  // One board is replaced by a new one; the town board does not change.
  const boards = join(content(), 'boards.yaml');
  writeFileSync(
    boards,
    readFileSync(boards, 'utf8').replace(
      /^- \{ id: b-cu-demo.*$/m,
      '- { id: b-v-demo-a2, unit: v-demo-a, template: village, location: 村文化广场, width_mm: 2400, height_mm: 1200 }',
    ),
  );
  git('add', '-A');
  git('commit', '-qm', '第二次发布');
  git('tag', '-a', 'v2', '-m', '2026年12月发布');
});
afterAll(() => [repo, ...made].forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('gongkai release-notes', { timeout: 60_000 }, () => {
  it('lists exactly the boards to reprint between two tags, with the reasons, in Chinese Markdown', () => {
    mkdirSync(ownTmp(), { recursive: true });
    const before = tmpBefore();
    const r = notes(['v1', 'v2', '--today', '2026-11-28'], { TMPDIR: ownTmp() });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md).toContain('# 重新印刷清单：v1 → v2');
    // Unchanged: b-t-demo and 甲村's card. The cards with nothing to print on either side are no print files at all.
    expect(md).toContain('需要印刷：公开栏 3 块、明白卡 1 种；不再印刷：公开栏 1 块；其余 2 个印刷文件与上一版本相同');
    const row = (id: string) => md.split('\n').find((l) => l.startsWith(`| 公开栏 | ${id} |`)) ?? '';
    expect(row('b-v-demo-a')).toContain('修改：v-demo-a/dues-2026-h1“甲村党支部2026年上半年党费收缴情况”（正文）');
    expect(row('b-v-demo-a')).toContain('撤下：v-demo-a/road-deliberation（条目已删除）');
    expect(md).not.toContain('村道硬化工程'); // a deleted entry's title is not repeated
    expect(row('b-v-demo-a')).toContain('print/boards/b-v-demo-a.pdf');
    expect(row('b-v-demo-b')).toContain('新上栏：v-demo-b/org-setup“乙村党支部组织设置和领导班子分工”');
    expect(row('b-v-demo-b')).toContain('撤下 1 条已不再社会公开的条目');
    expect(row('b-v-demo-a2')).toContain('新增，需要印刷');
    const card = md.split('\n').find((l) => l.startsWith('| 明白卡 | v-demo-b |')) ?? '';
    expect(card).toContain('新增，需要印刷 | 此前没有可印的内容，第一次印刷；印上卡：v-demo-b/org-setup“乙村党支部组织设置和领导班子分工”');
    expect(md).not.toMatch(/\| 明白卡 \| (county|cu-demo|t-demo) \|/);
    expect(row('b-t-demo')).toBe(''); // unchanged: not listed
    expect(md).toContain('- 公开栏 b-cu-demo（测试县教育局党组，办公楼一楼大厅）：公开栏已从公开栏名录中删除');
    expect(md).not.toContain('LATER-PARTY');
    expect(r.stderr).toContain('v1：按这一天计算：2026年11月28日（由命令行参数 --today 指定）');
    expect(before).toEqual([]);
    expect(tmpBefore()).toEqual(before); // the extracted releases are cleaned up
  });

  it('writes release-notes.md and .csv with --out', () => {
    const out = join(repo, 'notes-out');
    const r = notes(['v1', 'v2', '--out', out, '--today', '2026-11-28']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(out, 'release-notes.md'), 'utf8')).toContain('## 只印这些');
    const csv = readFileSync(join(out, 'release-notes.csv'), 'utf8');
    expect(
      csv.startsWith(
        '\uFEFF类别,标识,单位标识,单位,所属镇（街道）,位置,成品尺寸（毫米）,印刷文件,变化,原因,上一版本,本版本,上一版本文件 sha256,本版本文件 sha256\r\n',
      ),
    ).toBe(true);
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows.map((l) => l.split(',')[1])).toEqual(['b-v-demo-a', 'b-v-demo-b', 'b-v-demo-a2', 'b-cu-demo', 'v-demo-b']);
    expect(rows[0]).toContain(
      '公开栏,b-v-demo-a,v-demo-a,甲村党支部,中共测试镇委员会,村委会门前广场,2400×1200,print/boards/b-v-demo-a.pdf,内容有变化，重新印刷',
    );
    expect(csv).not.toContain('LATER-PARTY');
  });

  it('uses each release’s commit date as its "today" unless one is given', () => {
    const r = notes(['v1'], { GONGKAI_TODAY: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# 重新印刷清单：v1 → v2（HEAD）');
    expect(r.stderr).toMatch(/v1：按这一天计算：\d{4}年\d+月\d+日（该版本的提交日期，北京时间）/);
  });

  it('reports nothing to reprint between a release and itself', () => {
    const r = notes(['v2', 'v2', '--today', '2026-11-28']);
    expect(r.stdout).toContain('两个版本之间没有需要重新印刷的公开栏和明白卡。');
    expect(r.stdout).toContain('其余 6 个印刷文件与上一版本相同'); // 4 boards and the two villages' card sheets
  });

  it('says what is wrong with the arguments', () => {
    const missing = notes(['no-such-tag']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到版本“no-such-tag”');
    const none = cli(['release-notes'], repo);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请给出上一版本');
    const outside = mkdtempSync(join(tmpdir(), 'gongkai-nogit-'));
    made.push(outside);
    cpSync(MINI, outside, { recursive: true });
    const r = cli(['release-notes', 'v1', '--content', outside], outside);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('release notes in the build', { timeout: 60_000 }, () => {
  const dirs = () => ({ content: content(), templates: TEMPLATES });

  it('compares the content being built with the tag before it, and writes md and csv beside the posters', async () => {
    const { project } = load(content());
    // HEAD is the v2 release itself: the notes run from the tag before it.
    const staged = await stageReleaseNotes(dirs(), { project: project!, today: { date: '2026-11-28', source: 'flag' } }, { flag: '2026-11-28' }, printing());
    expect(staged.notes?.from.label).toBe('v1');
    expect(staged.notes?.to.label).toBe('v2（本次构建）');
    expect(staged.message).toContain('需要印刷 4 个文件，不再印刷 1 个');
    // What the printers' page is handed (in the site's context): plain data, whole after a JSON round trip.
    expect((JSON.parse(JSON.stringify(staged.notes)) as ReleaseNotes).rows.map((r) => r.id)).toEqual([
      'b-v-demo-a',
      'b-v-demo-b',
      'b-v-demo-a2',
      'b-cu-demo',
      'v-demo-b',
    ]);
    const printDir = join(repo, 'dist-test/print');
    staged.write(printDir);
    expect(readFileSync(join(printDir, 'release-notes.md'), 'utf8')).toContain('# 重新印刷清单：v1 → v2（本次构建）');
    expect(existsSync(join(printDir, 'release-notes.csv'))).toBe(true);
  });

  it('after a new commit, compares with the latest tag, uncommitted work included', async () => {
    appendFileSync(join(content(), 'entries/t-demo/2026/org-setup.md'), '\n镇党委班子分工调整。\n');
    git('commit', '-qam', '发布后的修改');
    put(content(), 'entries/t-demo/2026/org-setup.md', readFileSync(join(content(), 'entries/t-demo/2026/org-setup.md'), 'utf8') + '\n尚未提交的补充。\n');
    const { project } = load(content());
    const staged = await stageReleaseNotes(dirs(), { project: project!, today: { date: '2026-11-28', source: 'flag' } }, { flag: '2026-11-28' }, printing());
    expect(staged.notes?.from.label).toBe('v2');
    expect(staged.notes?.to.label).toBe('本次构建');
    expect(staged.notes?.rows.map((r) => [r.id, r.reasons])).toEqual([
      ['b-t-demo', ['修改：t-demo/org-setup“中共测试镇委员会组织设置和领导班子分工”（正文）']],
    ]);
    // Both files were printed: the list says which bytes to expect.
    expect(staged.notes?.rows[0]?.sha256?.before).toMatch(/^[0-9a-f]{64}$/);
    expect(staged.notes?.rows[0]?.sha256?.after).toMatch(/^[0-9a-f]{64}$/);
    expect(staged.notes?.rows[0]?.sha256?.after).not.toBe(staged.notes?.rows[0]?.sha256?.before);
  });

  it('never stops the build: a release that cannot be read is reported in one line', async () => {
    const other = mkdtempSync(join(tmpdir(), 'gongkai-badtag-'));
    made.push(other);
    cpSync(MINI, join(other, 'content'), { recursive: true });
    const site = join(other, 'content/site.yaml');
    const good = readFileSync(site, 'utf8');
    writeFileSync(site, good.replace(/^county: .*$/m, ''));
    const g = (...args: string[]) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { cwd: other });
    g('init', '-q', '-b', 'main');
    g('add', '-A');
    g('commit', '-qm', '设置有误的版本');
    g('tag', 'broken');
    writeFileSync(site, good);
    g('commit', '-qam', '改正');
    const { project } = load(join(other, 'content'));
    const staged = await stageReleaseNotes(
      { content: join(other, 'content'), templates: TEMPLATES },
      { project: project!, today: { date: '2026-11-28', source: 'flag' } },
      {},
      printing(),
    );
    expect(staged.notes).toBeUndefined();
    expect(staged.message).toMatch(/^注意：没有生成重新印刷清单（版本 broken 的内容无法读取：content\/site\.yaml:\d+: .*）。网站和印刷文件不受影响。$/);
  });

  it('without a tag, the demo county’s example release: the same content on an earlier day, compared file by file', async () => {
    const demo = mkdtempSync(join(tmpdir(), 'gongkai-example-'));
    made.push(demo);
    cpSync(MINI, demo, { recursive: true });
    writeFileSync(join(demo, 'site.yaml'), readFileSync(join(demo, 'site.yaml'), 'utf8').replace(/^print:/m, 'print:\n  example_release: 2026-11-10'));
    put(
      demo,
      'entries/v-demo-a/2026/activity-2026-11.md',
      ENTRY(
        `title: 甲村党支部十一月主题党日活动
item: rules-procedures
date: 2026-11-20
reviewed_by: 王某某
approved_by: 李某某`,
        '十一月主题党日开展义务植树。',
      ),
    );
    const { project } = load(demo);
    const staged = await stageReleaseNotes(
      { content: demo, templates: TEMPLATES },
      { project: project!, today: { date: '2026-11-28', source: 'flag' } },
      {},
      printing(),
    );
    expect(staged.notes?.from.label).toBe('示例发布（2026年11月10日）');
    expect(staged.notes?.from.today).toEqual({ date: '2026-11-10', source: 'example' });
    expect(staged.notes?.warnings[0]).toContain('这是示范县的示例');
    expect(staged.notes?.rows.map((r) => [r.id, r.change, r.reasons])).toEqual([
      ['b-v-demo-a', 'changed', ['新上栏：v-demo-a/activity-2026-11“甲村党支部十一月主题党日活动”']],
    ]);
    expect(staged.notes?.rows[0]?.sha256?.before).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes nothing and says nothing outside a repository with tags', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'gongkai-notags-'));
    made.push(plain);
    cpSync(MINI, plain, { recursive: true });
    const { project } = load(plain);
    const staged = await stageReleaseNotes(
      { content: plain, templates: TEMPLATES },
      { project: project!, today: { date: '2026-11-28', source: 'flag' } },
      {},
      printing(),
    );
    expect(staged.notes).toBeUndefined();
    expect(staged.message).toBeUndefined();
    staged.write(join(plain, 'print'));
    expect(existsSync(join(plain, 'print'))).toBe(false);
  });
});
