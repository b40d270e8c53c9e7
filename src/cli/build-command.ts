/**
 * `gongkai build [--content DIR] [--out DIR] [--shard i/n]`: check, then build the site, its
 * search index and the print files into a staging folder, scan it for leaks and swap it in,
 * so a failed build never leaves a half-written dist/. The print files render in worker
 * threads while Astro builds the pages on the main thread: both cores work.
 */
import { join, resolve } from 'node:path';
import { parseFlags, PROJECT_ROOT, resolveDirs } from './args.ts';
import { runCheck } from './check-command.ts';
import { publicEntries } from '../domain/publication.ts';
import { entryImages, publishImages } from '../render/entry-images.ts';
import { ContentError } from '../errors.ts';
import { printLayoutNotes } from './print-command.ts';
import { buildSearchIndex } from '../site/search-index.ts';
import { resolveToday, todayNote } from './today.ts';
import { StageRecorder } from '../build/stage-stats.ts';
import { walkFiles } from '../content/walk.ts';
import { handOverProject } from '../site/project-handoff.ts';
import { handOverPrintPlan } from '../site/print-manifest.ts';
import { Staging } from '../build/staging.ts';
import { withAstroLock } from '../build/astro-lock.ts';
import { astroCacheDir } from '../build/astro-cache-dir.ts';
import { dropUnclaimedPages, seedPages } from '../build/astro-page-seed.ts';
import { warmPdfTexts } from '../build/leak-scan.ts';
import { inShard, parseShard, shardLabel } from '../build/shard.ts';
import { buildFingerprint, PROGRAM, writeShardRecord } from '../build/merge.ts';

export const BUILD_USAGE = `用法：npm run build -- [--content 文件夹] [--templates 文件夹] [--out 文件夹] [--today 2026-11-28] [--shard 第几份/共几份]
  先检查内容（有错误就停止），再生成网站、搜索索引、公开栏和明白卡印刷文件到输出文件夹（默认 dist）。
  --shard 2/3：分份构建（几台机器并行），只做第 2 份印刷文件和搜索索引；各份再用
  npm run gongkai -- merge 文件夹1 文件夹2 文件夹3 --out dist 合并。`;

export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      today: { type: 'string' },
      shard: { type: 'string' },
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
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);

  const stages = new StageRecorder();
  // Caches that make a rebuild do only the work that depends on what changed (all keyed by content hashes).
  const cacheRoot = process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache');
  const step = (n: number, label: string) => console.log(`【${n}/5】${label}…`);

  step(1, '检查内容');
  const checked = await stages.run('check', '检查', () => runCheck({ content, templates, json: false }), (r) => r.fileCount);
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，构建已停止，没有改动输出文件夹。');
  const project = checked.project;
  if (shard) console.log(`分份构建：${shardLabel(shard)}（完整网站，加上这一份的印刷文件和搜索索引）`);

  const staged = new Staging(out, stages);
  const staging = staged.dir;
  // Astro reads the content folder through src/content.config.ts, which reads these.
  process.env.GONGKAI_CONTENT_DIR = content;
  process.env.GONGKAI_TEMPLATES_DIR = templates;
  handOverProject({ contentDir: resolve(content), templatesDir: resolve(templates), project });
  // Pages read "today" (running 公示, what is on a board now) and the print manifest from these.
  const given = { flag: values.today, env: process.env.GONGKAI_TODAY };
  const today = resolveToday({ ...given, asOf: project.site.as_of });
  const note = todayNote(today, '“今天”');
  if (note) console.log(note);
  process.env.GONGKAI_TODAY = today.date;
  process.env.GONGKAI_STAGING_DIR = staging;
  process.env.GONGKAI_OUT_DIR = out;
  // The build machine has no network: never try to send Astro's usage statistics.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  const stage = staged.run.bind(staged);
  const seconds = (name: string) => `${stages.stats.find((st) => st.stage === name)?.wallSeconds.toFixed(1) ?? '?'} 秒`;

  // Printers' release notes (last tag → this build): the printers' page shows them, print/ keeps them.
  const { stageReleaseNotes } = await import('../review/release-notes-build.ts');
  const notes = await stages.run('release-notes', '重新印刷清单', () => stageReleaseNotes({ content, templates }, { project, today }, given));
  if (notes.message) console.log(notes.message);

  // The print files render alongside the site, into a folder of their own (Astro owns the
  // staging folder while it builds); the pages link them from the plan, known up front.
  const { cardSummary, overflowReport, plannedManifest, planPrint, runPrint, sharePlan } = await import('../print/pipeline.ts');
  const printDir = staged.sibling('.print');
  const printOptions = { project, outDir: printDir, today: today.date, cacheDir: join(cacheRoot, 'print'), previousManifest: join(out, 'print', 'manifest.json'), ...(shard ? { shard } : {}) };
  const plan = planPrint(printOptions);
  step(2, '生成网站，同时排版公开栏和明白卡印刷文件');
  const printing = stage('posters', '公开栏和明白卡', () => runPrint(printOptions, sharePlan(plan, shard)), (r) => r.manifest.boards.length + r.manifest.cards.length);
  // The leak scan's slowest part, reading the PDFs' text, starts as soon as they exist.
  const pdfTextsReady = shard ? Promise.resolve() : printing.then(() => warmPdfTexts(join(printDir, 'print'), join(cacheRoot, 'leak-scan'))).catch(() => undefined);
  // Its failure is reported where it is awaited, after the site; until then it must not count as unhandled.
  printing.catch(() => undefined);
  handOverPrintPlan(plannedManifest(plan, today.date));
  const pages = await stage(
    'site',
    '网站页面',
    async () => {
      const { build } = await import('astro');
      const astroCache = astroCacheDir(content, PROJECT_ROOT);
      await withAstroLock(PROJECT_ROOT, async () => {
        // Unchanged pages are put in place up front; Astro keeps them instead of copying each.
        const seeded = seedPages(astroCache, staging);
        await build({ root: PROJECT_ROOT, outDir: staging, logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn', vite: { build: { emptyOutDir: false } } });
        dropUnclaimedPages(astroCache, staging, seeded);
      });
      return walkFiles(staging).filter((f) => f.endsWith('.html')).length;
    },
    (n) => n,
  )
    .catch(async (e: unknown) => {
      await printing.catch(() => undefined); // let the workers finish before the folders go
      throw e;
    })
    .finally(() => notes.dispose());
  console.log(`✓ 网站页面 ${pages} 个（${seconds('site')}）`);
  // Only images of public entries are published, through the same gate as the pages.
  const images = await stage('images', '图片', async () => {
    const list = entryImages(publicEntries(project.entries));
    await publishImages(list, staging);
    return list.length;
  }, (n) => n);
  if (images) console.log(`✓ 图片 ${images} 张（已去除拍摄位置等信息，${seconds('images')}）`);

  step(3, '生成搜索索引');
  // The pages are final now: the leak scan reads them while Pagefind, in its own process, indexes them.
  if (!shard) staged.preScan(project, join(cacheRoot, 'leak-scan'), 'pagefind');
  const index = await stage('search', '搜索索引', () => buildSearchIndex(staging, project, { cacheDir: join(cacheRoot, 'search'), written: (folder) => staged.scanFolder(folder), ...(shard ? { only: (_b, i: number) => inShard(shard, i) } : {}) }), (r) => r.pages);
  console.log(`✓ 搜索索引：${index.pages} 个页面，${index.bundles} 个分卷，其中 ${index.reused} 个未变沿用（${seconds('search')}）`);

  const printed = await printing;
  await pdfTextsReady; // it reads the print files where they are now
  staged.adopt(printDir, 'print');
  staged.tidy();
  printLayoutNotes(printed.warnings, overflowReport(printed.manifest), cacheRoot);
  console.log(`✓ 公开栏印刷文件：${printed.manifest.boards.length} 块（新排 ${printed.rendered}，沿用缓存 ${printed.cached}）${printed.zips.length ? `，${printed.zips.length} 个镇压缩包` : ''}（${seconds('posters')}）`);
  console.log(`✓ ${cardSummary(printed)}`);
  notes.write(join(staging, 'print'));

  if (shard) {
    // The merge scans the assembled output for leaks; a shard alone is never published.
    writeShardRecord(staging, {
      shard,
      fingerprint: buildFingerprint([content, templates], today.date, PROGRAM),
      bundles: index.written,
      manifest: printed.manifest,
      order: { boards: plan.jobs.map((j) => j.boardId), cards: plan.cards.map((c) => c.unitId) },
    });
    step(4, '保存这一份');
    await staged.swap();
    stages.save();
    console.log(`✓ ${shardLabel(shard)}已生成：${values.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）。泄露检查在合并后进行。`);
    return 0;
  }

  step(4, '检查输出中有没有党内内容');
  console.log(`✓ ${await staged.leakScan(project, join(cacheRoot, 'leak-scan'))}（${seconds('leak-scan')}）。`);

  step(5, '替换输出文件夹');
  await staged.swap();
  stages.save();
  console.log(`✓ 已生成：${values.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）`);
  return 0;
}
