/**
 * `gongkai build [--content DIR] [--out DIR]`: check, then build the site into a fresh
 * folder and swap it in, so a failed build never leaves a half-written dist/.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseFlags, PROJECT_ROOT, resolveDirs } from './args.ts';
import { runCheck } from './check-command.ts';
import { scanForLeaks } from '../build/leak-scan.ts';
import { leakNeedles } from '../domain/safety/leak-needles.ts';
import { publicEntries } from '../domain/publication.ts';
import { entryImages, publishImages } from '../render/entry-images.ts';
import { ContentError, StageError } from './errors.ts';
import { buildSearchIndex } from '../site/search-index.ts';
import { resolveToday } from './today.ts';
import { StageRecorder } from '../build/stage-stats.ts';
import { walkFiles } from '../content/walk.ts';

export const BUILD_USAGE = `用法：npm run build -- [--content 文件夹] [--templates 文件夹] [--out 文件夹] [--today 2026-11-28]
  先检查内容（有错误就停止），再生成网站到输出文件夹（默认 dist）。`;


export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    BUILD_USAGE,
  );
  if (values.help) {
    console.log(BUILD_USAGE);
    return 0;
  }
  const { content, templates } = resolveDirs(values);
  const out = resolve(values.out!);

  const stages = new StageRecorder();
  const step = (n: number, label: string) => console.log(`【${n}/6】${label}…`);

  step(1, '检查内容');
  const checked = await stages.run('check', '检查', () => runCheck({ content, templates, json: false }), (r) => r.fileCount);
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，构建已停止，没有改动输出文件夹。');
  const project = checked.project;

  const staging = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  // Astro reads the content folder through src/content.config.ts, which reads these.
  process.env.GONGKAI_CONTENT_DIR = content;
  process.env.GONGKAI_TEMPLATES_DIR = templates;
  // Pages read "today" (running 公示, what is on a board now) and the print manifest from these.
  process.env.GONGKAI_TODAY = resolveToday(values.today);
  process.env.GONGKAI_STAGING_DIR = staging;
  process.env.GONGKAI_OUT_DIR = out;
  // The build machine has no network: never try to send Astro's usage statistics.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  /** Runs a stage into the staging folder; on failure the staging folder goes and dist/ stays as it was. */
  const stage = async <T>(name: string, label: string, fn: () => Promise<T> | T, count?: (r: T) => number | undefined): Promise<T> => {
    try {
      return await stages.run(name, label, fn, count);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      if (e instanceof ContentError) throw e;
      throw new StageError(label, e instanceof Error ? e.message : String(e));
    }
  };
  const seconds = () => `${stages.stats[stages.stats.length - 1]!.wallSeconds.toFixed(1)} 秒`;

  step(2, '生成网站');
  const pages = await stage(
    'site',
    '网站页面',
    async () => {
      const { build } = await import('astro');
      await build({ root: PROJECT_ROOT, outDir: staging, logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn' });
      return walkFiles(staging).filter((f) => f.endsWith('.html')).length;
    },
    (n) => n,
  );
  console.log(`✓ 网站页面 ${pages} 个（${seconds()}）`);
  // Only images of public entries are published, through the same gate as the pages.
  const images = await stage('images', '图片', async () => {
    const list = entryImages(publicEntries(project.entries));
    await publishImages(list, staging);
    return list.length;
  }, (n) => n);
  if (images) console.log(`✓ 图片 ${images} 张（已去除拍摄位置等信息，${seconds()}）`);

  step(3, '生成搜索索引');
  const index = await stage('search', '搜索索引', () => buildSearchIndex(staging, project), (r) => r.pages);
  console.log(`✓ 搜索索引：${index.pages} 个页面，${index.bundles} 个分卷（${seconds()}）`);

  step(4, '生成公开栏印刷文件');
  // Posters go into the same staging folder, so the leak scan reads their text and the swap stays atomic.
  const printed = await stage(
    'posters',
    '公开栏',
    async () => {
      const { runPrint } = await import('../print/pipeline.ts');
      const cacheDir = join(process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache'), 'print');
      return runPrint({ project, outDir: staging, today: process.env.GONGKAI_TODAY!, cacheDir, previousManifest: join(out, 'print', 'manifest.json') });
    },
    (r) => r.manifest.boards.length,
  );
  const { overflowReport } = await import('../print/pipeline.ts');
  for (const w of printed.warnings) console.warn(`注意：${w}`);
  for (const line of overflowReport(printed.manifest)) console.warn(`排不下：${line}`);
  console.log(`✓ 公开栏印刷文件：${printed.manifest.boards.length} 块（新排 ${printed.rendered}，沿用缓存 ${printed.cached}），${printed.zips.length} 个镇压缩包（${seconds()}）`);

  step(5, '检查输出中有没有党内内容');
  const leaks = await stage('leak-scan', '泄露检查', () => scanForLeaks(staging, leakNeedles(project.entries), { cacheDir: join(process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache'), 'pdf-text') }), (r) => r.filesScanned);
  if (leaks.hits.length || leaks.unreadable.length) {
    for (const h of leaks.hits) console.error(`泄露：${h.file} 含有党内条目 ${h.source} 的内容“${h.needle.slice(0, 30)}”`);
    for (const f of leaks.unreadable) console.error(`无法检查：${f}（读不出文字，请安装 poppler-utils 中的 pdftotext）`);
    rmSync(staging, { recursive: true, force: true });
    throw new ContentError('发现党内内容进入了公开输出，构建已停止，没有改动输出文件夹。这是程序的问题，请立即报告网站维护人员。');
  }
  console.log(`✓ 扫描了 ${leaks.filesScanned} 个文件、${leaks.needles} 条党内内容特征，没有发现泄露（${seconds()}）。`);

  step(6, '替换输出文件夹');
  const old = `${staging}.old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  stages.save();
  console.log(`✓ 已生成：${values.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）`);
  return 0;
}
