/**
 * Caches that are right by construction: the print key and the page keys take the hash of the
 * code that really runs (src/code-graph.ts). Proved here against what runs, not against the
 * graph's own idea of it:
 *
 * - the print renderer is run in a fresh process on the mini county's boards and cards (a tiled
 *   board and an image among them) with a hook recording every module Node loads; every one of
 *   our files and every package among them is in the print key's graph;
 * - the mini county's site is built by Astro with a plugin recording every module Vite loads;
 *   every one of our files among them is in the pages' graph;
 * - in a copy of the project, changing any one file of either graph changes its key (and the
 *   board's and card's render keys), and changing files outside it does not.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeGraph, graphDigest, packageName, type CodeGraph } from '../../src/code-graph.ts';
import { withAstroLock } from '../../src/pipeline/astro-lock.ts';
import { cardKey, jobKey, printEntry } from '../../src/print/jobs/render-key.ts';
import { planPrint } from '../../src/print/run/print-stage.ts';
import { siteAstroConfig } from '../../src/site/astro-config.ts';
import { handOverProject } from '../../src/site/project-handoff.ts';
import { readContentHistory } from '../../src/git/git-history.ts';
import { entryHtmlEntry, siteCode, siteEntries } from '../../src/site/site-code.ts';
import { copyMini, load, ROOT, TEMPLATES } from '../helpers.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};

const SRC = join(ROOT, 'src');
const ours = (files: Iterable<string>) => [...files].filter((f) => f.startsWith(`${SRC}/`)).map((f) => relative(ROOT, f));
/** The package a file under node_modules belongs to. */
const packageOf = (file: string): string | undefined => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return m ? packageName(m[1]!) : undefined;
};
const fileOf = (url: string) => decodeURIComponent(url.replace(/^file:\/\//, '').split('?')[0]!);

/** A copy of the project's source beside the real node_modules: files in it can be changed without touching the checkout. */
function projectCopy(): string {
  const root = temp('gongkai-code-');
  cpSync(SRC, join(root, 'src'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** Whether changing `file` (relative to the copy) changes the digest of the graph from `entries`. */
function perturbs(root: string, entries: (root: string) => string[], file: string, base: string): boolean {
  const abs = join(root, file);
  const before = readFileSync(abs);
  appendFileSync(abs, '\n');
  try {
    return graphDigest(codeGraph(entries(root)), root) !== base;
  } finally {
    writeFileSync(abs, before);
  }
}

describe('the print key is the code that renders', { timeout: 120_000 }, () => {
  const content = copyMini();
  made.push(content);
  const { project } = load(content);
  const plan = planPrint({ project: project!, outDir: '', today: '2026-11-28', cacheDir: '' });
  const graph: CodeGraph = codeGraph([printEntry()]);

  it('every module the renderer loads in a fresh process is in the key’s graph', () => {
    const dir = temp('gongkai-recorded-');
    const cacheDir = join(dir, 'cache');
    const tasks = [
      // A tiled board draws the tiles too.
      ...plan.jobs.map((job, i) => ({ kind: 'board', job: i === 0 ? { ...job, tile: 'A3' } : job, key: `b${i}`, cacheDir })),
      ...plan.cards.map((job, i) => ({ kind: 'card', job, key: `c${i}`, cacheDir })),
    ];
    expect(plan.jobs.some((j) => j.panels.some((p) => p.sections.some((s) => s.entries.some((e) => e.body.includes('![')))))).toBe(true);
    writeFileSync(join(dir, 'tasks.json'), JSON.stringify(tasks));
    const r = spawnSync(process.execPath, [join(ROOT, 'test/module-recorder.ts'), join(dir, 'tasks.json'), join(dir, 'loaded.json')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loaded = (JSON.parse(readFileSync(join(dir, 'loaded.json'), 'utf8')) as string[]).filter((u) => u.startsWith('file:')).map(fileOf);
    const loadedOurs = ours(loaded).filter((f) => !f.startsWith('test/'));
    const loadedPackages = new Set(loaded.flatMap((f) => packageOf(f) ?? []));
    expect(loadedOurs.length).toBeGreaterThan(30);
    expect(loadedOurs.filter((f) => !ours(graph.files).includes(f))).toEqual([]);
    expect([...loadedPackages].filter((p) => !graph.packages.has(p))).toEqual([]);
    // The Markdown reader and the libraries the issue found missing are among them.
    expect(loadedOurs).toContain('src/domain/markdown.ts');
    for (const p of ['remark-parse', 'image-size', 'pdfkit', 'fontkit', 'lean-qr', 'micromark']) expect(loadedPackages.has(p), p).toBe(true);
    console.log(
      `印刷键：进程实际载入本项目文件 ${loadedOurs.length} 个、软件包 ${loadedPackages.size} 个；键的模块图含文件 ${graph.files.length} 个、软件包 ${graph.packages.size} 个`,
    );
  });

  it('changing any one file of the graph changes the board’s and the card’s key; files outside it do not', () => {
    const root = projectCopy();
    const entries = (r: string) => [printEntry(r)];
    const base = graphDigest(codeGraph(entries(root)), root);
    const board = plan.jobs[0]!;
    const card = plan.cards[0]!;
    const files = ours(graph.files);
    const unmoved = files.filter((f) => !perturbs(root, entries, f, base));
    expect(unmoved).toEqual([]);
    // Through the render keys themselves: another code hash, another key.
    const other = graphDigest(codeGraph(entries(root)), root, (f) => (f.endsWith('domain/markdown.ts') ? 'changed' : readFileSync(f)));
    expect(jobKey(board, other)).not.toBe(jobKey(board, base));
    expect(cardKey(card, other)).not.toBe(cardKey(card, base));
    const unrelated = [
      'src/cli/main.ts',
      'src/site/cache-key.ts',
      'src/pages/print/index.astro',
      'src/review/release-diff.ts',
      'src/print/jobs/render-key.ts',
      'src/report/compliance-format.ts',
    ];
    expect(unrelated.filter((f) => perturbs(root, entries, f, base))).toEqual([]);
    console.log(`印刷键：逐个改动模块图中的 ${files.length} 个文件，键都变了；改动图外的 ${unrelated.length} 个文件，键不变`);
  });
});

describe('the page keys are the code that makes the pages', { timeout: 180_000 }, () => {
  const pagesGraph = codeGraph(siteEntries());

  it('every file of ours Vite loads to build the site is in the pages’ graph', async () => {
    const content = copyMini();
    made.push(content);
    const { project } = load(content);
    handOverProject({ contentDir: content, templatesDir: TEMPLATES, project: project!, contentHistory: readContentHistory(content) });
    mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
    const out = mkdtempSync(join(ROOT, '.cache/test-builds/graph-'));
    made.push(out);
    const ids = new Set<string>();
    const config = siteAstroConfig({
      contentDir: content,
      templatesDir: TEMPLATES,
      cacheRoot: join(out, 'cache'),
      context: { contentDir: content, templatesDir: TEMPLATES, today: { date: '2026-11-28', source: 'flag' }, code: siteCode() },
    });
    const recorder = {
      name: 'record-modules',
      load(id: string) {
        ids.add(id);
        return null;
      },
      transform(_code: string, id: string) {
        ids.add(id);
        return null;
      },
    };
    const { build } = await import('astro');
    await withAstroLock(ROOT, () =>
      build({ ...config, configFile: false, outDir: join(out, 'dist'), logLevel: 'error', vite: { ...config.vite, plugins: [recorder] } }),
    );
    const loadedOurs = [...new Set(ours([...ids].map(fileOf)))];
    expect(loadedOurs.length).toBeGreaterThan(50);
    expect(loadedOurs.filter((f) => !ours(pagesGraph.files).includes(f))).toEqual([]);
    console.log(
      `网页键：Vite 实际载入本项目文件 ${loadedOurs.length} 个；键的模块图含文件 ${pagesGraph.files.length} 个、软件包 ${pagesGraph.packages.size} 个`,
    );
  });

  it('changing any one file of the pages’ or the entry HTML’s graph changes its key; files outside it do not', () => {
    const root = projectCopy();
    for (const [name, entries] of [
      ['pages', (r: string) => siteEntries(r)],
      ['entry HTML', (r: string) => [entryHtmlEntry(r)]],
    ] as const) {
      const base = graphDigest(codeGraph(entries(root)), root);
      const files = ours(codeGraph(entries(ROOT)).files);
      expect(
        files.filter((f) => !perturbs(root, entries, f, base)),
        name,
      ).toEqual([]);
      console.log(`${name === 'pages' ? '网页键' : '条目正文键'}：逐个改动模块图中的 ${files.length} 个文件，键都变了`);
    }
    const unrelated = ['src/cli/main.ts', 'src/print/run/town-zips.ts', 'src/pipeline/leak-scan.ts', 'src/print/render/render-pdf.ts'];
    const base = graphDigest(codeGraph(siteEntries(root)), root);
    expect(unrelated.filter((f) => perturbs(root, siteEntries, f, base))).toEqual([]);
  });
});
