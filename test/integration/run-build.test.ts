/**
 * The build as a function, in this process: runBuild on a copy of the mini county, its result
 * figures and its log; and a content problem found by the layout in a worker thread, which
 * must arrive as a content error naming the board and the entry, not as an internal error.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/errors.ts';
import { collectingLog } from '../../src/pipeline/log.ts';
import { runBuild } from '../../src/pipeline/run-build.ts';
import { planPrint } from '../../src/print/run/print-stage.ts';
import { renderAll, type StoreTask } from '../../src/print/run/pool.ts';
import { copyMini, load, MINI, ROOT, TEMPLATES } from '../helpers.ts';

const made: string[] = [];
const walk = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('runBuild', () => {
  it('builds the mini county in this process and returns the figures of every stage', async () => {
    const content = copyMini();
    made.push(content, `${content}-cache`);
    // The content is a repository with commits whose messages, authors and e-mails are internal notes.
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=SENTINEL Author 7c1d', '-c', 'user.email=sentinel-7c1d@example.invalid', ...args], { cwd: content });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'SENTINEL-COMMIT-7c1d: import the mini county');
    appendFileSync(join(content, 'entries/v-demo-a/2026/dues-2026-h1.md'), '\n补充说明：收缴率100%。\n');
    git('commit', '-qam', 'SENTINEL-COMMIT-7c1d-2: add a note to the dues');
    // Inside the project: Astro keeps temporary chunks in ./.astro/ for outputs outside it.
    mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
    const out = join(mkdtempSync(join(ROOT, '.cache/test-builds/run-')), 'dist');
    made.push(join(out, '..'));
    const log = collectingLog();
    const gongkaiEnv = () => Object.entries(process.env).filter(([k]) => k.startsWith('GONGKAI_'));
    const envBefore = gongkaiEnv();
    const r = await runBuild(
      { content, templates: TEMPLATES, out, cacheRoot: `${content}-cache`, astroCacheRoot: `${content}-cache`, today: '2026-11-28' },
      log,
    );
    expect(r.today).toEqual({ date: '2026-11-28', source: 'flag' });
    expect(r.pages).toBeGreaterThan(40);
    // cu-demo and 乙村 have published nothing, the town and the county committee nothing a card prints: not printed, named.
    expect([r.boards, r.cards]).toEqual([2, 1]);
    expect(r.empty).toEqual({ boards: 2, cards: 4 });
    expect(log.lines).toContain(
      '注意：2 块公开栏、4 个单位的明白卡目前没有可印的内容，没有列入印刷清单（不生成印刷文件，不计印数，不进各镇压缩包）：b-cu-demo、b-v-demo-b、county（明白卡）、cu-demo（明白卡）、t-demo（明白卡）、v-demo-b（明白卡）。这些单位发布公开内容后，下一次构建就会生成它们的印刷文件。',
    );
    expect(r.search.bundles).toBe(1);
    expect(r.leakScan).toMatch(/没有发现泄露/);
    expect(r.stages.map((s) => s.stage)).toEqual(expect.arrayContaining(['check', 'site', 'posters', 'search', 'leak-scan', 'swap']));
    for (const s of r.stages) expect(s.wallSeconds).toBeGreaterThanOrEqual(0);
    // The site stage phase by phase, from Astro's hooks: every phase there, in order, within the stage.
    const phases = r.stages.filter((s) => s.stage.startsWith('site:'));
    expect(phases.map((s) => s.stage)).toEqual(['site:seed', 'site:config', 'site:sync', 'site:generate', 'site:write', 'site:cleanup']);
    const site = r.stages.find((s) => s.stage === 'site')!;
    expect(phases.reduce((a, p) => a + p.wallSeconds, 0)).toBeLessThanOrEqual(site.wallSeconds + 1e-6);
    expect(phases.find((p) => p.stage === 'site:generate')!.wallSeconds).toBeGreaterThan(0);
    // What the person at the terminal reads, in order, with nothing printed behind the log's back.
    const steps = log.lines.filter((l) => l.startsWith('【'));
    expect(steps).toEqual([
      '【1/5】检查内容…',
      '【2/5】生成网站，同时排版公开栏和明白卡印刷文件…',
      '【3/5】生成搜索索引…',
      '【4/5】检查输出中有没有党内内容…',
      '【5/5】替换输出文件夹…',
    ]);
    expect(log.lines.at(-1)).toMatch(/^✓ 已生成：/);
    // The pages were given today and the print plan through the context, not the environment:
    // the build leaves every GONGKAI_ variable as it found it.
    expect(readFileSync(join(out, 'print/index.html'), 'utf8')).toContain('/print/boards/b-v-demo-a.pdf');
    expect(existsSync(join(out, 'print/manifest.json'))).toBe(true);
    expect(gongkaiEnv()).toEqual(envBefore);
  }, 180_000);
});

describe('a content problem found while laying out, in a worker thread', () => {
  it('arrives as a content error that names the board and what is too big (the entry, or the panel whose title is)', async () => {
    const project = load(MINI).project!;
    const plan = planPrint({ project, outDir: '/nonexistent', today: '2026-11-28', cacheDir: '/nonexistent', cards: false });
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const tasks: StoreTask[] = plan.jobs.map((job) => ({ kind: 'board', job, key: job.boardId, cacheDir }));
    const a = tasks.find((t) => t.kind === 'board' && t.job.boardId === 'b-v-demo-a')!;
    // A floor size no column can hold: the board's first piece fits no empty column. (Within
    // site.yaml's limits no content does this any more: tall table rows are cut between lines.)
    if (a.kind === 'board') a.job.bodyMinPt = 1600;
    const e = await renderAll(tasks, () => undefined, 2).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ContentError);
    // Panel titles are set larger than entry titles, so at this floor the first panel's title is what no column holds.
    expect((e as Error).message).toMatch(/^公开栏 b-v-demo-a：.*(的条目 v-demo-a\/[a-z0-9-]+ |的栏目“[^”]+”)有一块内容比一整栏还大/);
  }, 60_000);
});
