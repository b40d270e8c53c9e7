/**
 * The reprint list a print shop can trust, case by case: for a change of an entry's summary
 * only, its body only, an image, a board's size, a template, a party-internal entry and the
 * calendar date alone, the list between the two releases names exactly the print files whose
 * bytes differ. The truth it is held to is computed apart: both releases printed whole, each on
 * its own day, into fresh folders without a cache, and their files' sha256 compared.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveToday, shanghaiDate } from '../../src/domain/time/today.ts';
import { revision } from '../../src/git/git-snapshot.ts';
import { releaseNotesBetween } from '../../src/pipeline/release-reprints.ts';
import { runPrint } from '../../src/print/run/print-stage.ts';
import { projectOf, withLoadedAtAsync } from '../../src/review/release-notes.ts';
import { ENTRY, MINI, put, TEMPLATES, tempDirs } from '../helpers.ts';

let repo: string;
const temp = tempDirs('gongkai-');
const content = () => join(repo, 'content');
const dirs = () => ({ content: content(), templates: join(repo, 'templates') });

/** Commits dated `day` (Beijing noon): a release's "today" is its commit date when none is given. */
function git(day: string, ...args: string[]): string {
  const date = `${day}T12:00:00+08:00`;
  return execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date, GIT_CEILING_DIRECTORIES: join(repo, '..') },
  });
}

const RELEASE_DAY = '2026-11-24';
const edit = (rel: string, from: string | RegExp, to: string) => {
  const file = join(repo, rel);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${rel}: nothing to replace`);
  writeFileSync(file, next);
};

interface Case {
  name: string;
  /** Makes the change in the work tree (committed on a branch of its own); the day of the newer release. */
  change: () => Promise<void> | void;
  day?: string;
}

const CASES: Case[] = [
  {
    name: '只改摘要',
    change: () => edit('content/entries/v-demo-a/2026/dues-2026-h1.md', 'summary: 上半年收缴党费1,860.00元', 'summary: 上半年按时收缴党费1,860.00元'),
  },
  { name: '只改正文', change: () => edit('content/entries/v-demo-a/2026/dues-2026-h1.md', '## 一、收缴情况', '## 一、收缴情况（已核对）') },
  {
    name: '换图片',
    change: async () => {
      const file = join(content(), 'entries/v-demo-a/2026/road-site.jpg');
      writeFileSync(file, await sharp(readFileSync(file)).negate().jpeg().toBuffer());
    },
  },
  { name: '公开栏尺寸', change: () => edit('content/boards.yaml', 'width_mm: 3000, height_mm: 1500', 'width_mm: 3000, height_mm: 1600') },
  { name: '模板', change: () => edit('templates/village.yaml', /margin_mm: \d+/, 'margin_mm: 45') },
  {
    name: '党内条目',
    change: () => edit('content/entries/v-demo-a/2026/sanhui-2026-10.md', '支部党员大会安排（党内公开）。', '支部党员大会、支委会安排（党内公开）。'),
  },
  { name: '日期（公示期结束）', change: () => undefined, day: '2026-12-08' },
];

beforeAll(() => {
  repo = temp('gongkai-reprints-');
  cpSync(MINI, content(), { recursive: true });
  cpSync(TEMPLATES, join(repo, 'templates'), { recursive: true });
  // A 公示 running on the release day (20, 23–26 November) that has left board and card by the later day.
  put(
    content(),
    'entries/v-demo-a/2026/recruit-notice.md',
    ENTRY(
      `title: 关于张某某同志拟接收为预备党员的公示
item: recruitment-publicity
date: 2026-11-20
notice:
  start: 2026-11-20
  days: 5
reviewed_by: 王某某
approved_by: 李某某
summary: 拟接收预备党员1名`,
      '经支部委员会审查，拟接收张某某同志为预备党员，现予公示。',
    ),
  );
  git(RELEASE_DAY, 'init', '-q', '-b', 'main');
  git(RELEASE_DAY, 'add', '-A');
  git(RELEASE_DAY, 'commit', '-qm', '上一次发布');
  git(RELEASE_DAY, 'tag', 'base');
});

/** Every print file of a release, printed whole on its day into a fresh folder without a cache: `kind:id` → sha256. */
async function printedFiles(rev: string): Promise<Map<string, string>> {
  const r = revision(repo, rev);
  return withLoadedAtAsync(repo, r, dirs(), async (loaded) => {
    const { project } = projectOf(loaded, r);
    const day = resolveToday({ fallback: { date: shanghaiDate(new Date(r.date)), source: 'commit' }, clock: () => new Date(r.date) }).date;
    const out = temp('gongkai-truth-');
    const { manifest } = await runPrint({ project, outDir: out, today: day, cacheDir: join(out, 'cache'), index: false, threads: 1, log: () => {} });
    return new Map([...manifest.boards.map((b) => [`board:${b.id}`, b.sha256] as const), ...manifest.cards.map((c) => [`card:${c.unit}`, c.sha256] as const)]);
  });
}

describe('reprint lists equal the files whose bytes changed', { timeout: 300_000 }, () => {
  const table: string[] = ['| 改动 | 重新印刷清单 | sha256 变了的文件 | 一致 |', '| --- | --- | --- | --- |'];
  afterAll(() => console.log(table.join('\n')));

  for (const c of CASES) {
    it(c.name, async () => {
      git(RELEASE_DAY, 'checkout', '-q', '-B', `case-${CASES.indexOf(c)}`, 'base');
      await c.change();
      git(c.day ?? RELEASE_DAY, 'commit', '-qam', c.name, '--allow-empty');
      const notes = await releaseNotesBetween(dirs(), 'base', 'HEAD', {}, { cacheDir: join(repo, '.cache-notes') });
      const listed = notes.rows.map((r) => `${r.kind}:${r.id}`).sort();
      const [before, after] = [await printedFiles('base'), await printedFiles('HEAD')];
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
      // The list carries the files' own sha256, before and after.
      for (const r of notes.rows) {
        const k = `${r.kind}:${r.id}`;
        expect([r.sha256?.before, r.sha256?.after], k).toEqual([before.get(k), after.get(k)]);
        expect(r.reasons.length, k).toBeGreaterThan(0);
      }
      table.push(`| ${c.name} | ${listed.join('、') || '（无）'} | ${changed.join('、') || '（无）'} | ${listed.join() === changed.join() ? '是' : '否'} |`);
      expect(listed).toEqual(changed);
      if (c.name !== '党内条目') expect(changed.length).toBeGreaterThan(0);
      git(RELEASE_DAY, 'checkout', '-q', 'main');
    });
  }

  it('names what changed on the page, never a default', async () => {
    git(RELEASE_DAY, 'checkout', '-q', 'case-0');
    const summary = await releaseNotesBetween(dirs(), 'base', 'HEAD', {}, { cacheDir: join(repo, '.cache-notes') });
    expect(summary.rows.map((r) => [r.id, r.reasons])).toEqual([['v-demo-a', ['修改：v-demo-a/dues-2026-h1“甲村党支部2026年上半年党费收缴情况”（摘要）']]]);
    // The board of that unit printed the same bytes: counted as unchanged, not listed with a made-up reason.
    expect(summary.sameFile).toBe(1);
    git(RELEASE_DAY, 'checkout', '-q', 'case-2');
    const image = await releaseNotesBetween(dirs(), 'base', 'HEAD', {}, { cacheDir: join(repo, '.cache-notes') });
    expect(image.rows.map((r) => [r.id, r.reasons])).toEqual([['b-v-demo-a', ['修改：v-demo-a/road-deliberation“甲村村道硬化工程（酝酿阶段）”（图片）']]]);
    git(RELEASE_DAY, 'checkout', '-q', 'main');
  });
});
