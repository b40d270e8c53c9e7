/**
 * The build, as a function: check, then build the site, its search index and the print files
 * into a staging folder, scan it for leaks and swap it in, so a failed build never leaves a
 * half-written output folder. The print files render in worker threads while Astro builds the
 * pages on the main thread: both cores work. `gongkai build` is a thin command over this;
 * tests and the bench call it in the same process.
 *
 * Stages: check → release notes → site ∥ posters and cards → images → search → leak scan →
 * swap. Each is timed (StageRecorder) and returned in the result.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { publicEntries } from '../domain/publication.ts';
import type { Project } from '../domain/model.ts';
import { inShard, shardLabel, type Shard } from '../domain/shard.ts';
import { buildCalendar } from '../domain/time/calendar.ts';
import { calendarReminder, provisionalDeadlines } from '../domain/time/provisional.ts';
import { resolveToday, todayNote, type Today } from '../domain/time/today.ts';
import { ContentError } from '../errors.ts';
import { PROJECT_ROOT, WORK_ROOT } from '../project-root.ts';
import { entryImages, publishImages } from '../html/entry-images.ts';
import { stageReleaseNotes } from './release-notes-build.ts';
import { siteAstroConfig } from '../site/astro-config.ts';
import { PhaseClock, phaseIntegration } from '../site/build-phases.ts';
import { astroCacheDir } from '../site/astro-cache-dir.ts';
import type { SiteContext } from '../site/context.ts';
import { publicPhoto, publishPostingPhotos, readPostings } from './postings.ts';
import { handOverProject } from '../site/project-handoff.ts';
import { readContentHistory } from '../git/git-history.ts';
import { siteCode } from '../site/site-code.ts';
import { buildSearchIndex } from '../site/search-index.ts';
import { linkSearchPage } from '../site/search-page-links.ts';
import { walkFiles } from '../io/walk.ts';
import { withAstroLock } from './astro-lock.ts';
import { dropUnclaimedPages, seedPages } from './astro-page-seed.ts';
import { checkContent } from './check-stage.ts';
import { inlineCodeFailure, scanInlineCode, writeDeployFiles } from './deploy-files.ts';
import { writeKioskOffline } from './kiosk-offline.ts';
import { printLayoutNotes } from './layout-notes.ts';
import { buildLeakScanner, warmPdfTexts } from './leak-scan.ts';
import type { Log } from './log.ts';
import { buildFingerprint, PROGRAM, writeShardRecord } from './merge.ts';
import { StageRecorder, type StageStat } from './stage-stats.ts';
import { mediaSummary, runMedia } from '../media/run/media-stage.ts';
import { Staging } from './staging.ts';

export interface BuildOptions {
  /** The content and templates folders. */
  content: string;
  templates: string;
  /** The output folder (dist). */
  out: string;
  /** Where the caches live (.cache, or GONGKAI_CACHE_DIR), which also holds Astro's when given explicitly. */
  cacheRoot: string;
  /** Astro's cache: by default one per content folder under node_modules/.astro (site/astro-cache-dir.ts). */
  astroCacheRoot?: string | undefined;
  /** --today and GONGKAI_TODAY as given (the domain decides; the clock is read only if neither is). */
  today?: string | undefined;
  todayEnv?: string | undefined;
  clock?: () => Date;
  shard?: Shard | undefined;
  /** Astro's own log at info level instead of warnings only. */
  verbose?: boolean;
  /** Colour in the check's diagnostics (a terminal). */
  color?: boolean;
}

export interface BuildResult {
  today: Today;
  project: Project;
  pages: number;
  images: number;
  search: { pages: number; bundles: number; reused: number };
  /** Boards and card sheets printed (this shard's share, for a shard). */
  boards: number;
  cards: number;
  /** Boards and card sheets left out: nothing public to show on them today (the whole run's). */
  empty: { boards: number; cards: number };
  /** The leak scan's summary line (absent for a shard: the merge scans). */
  leakScan?: string;
  stages: StageStat[];
  totalSeconds: number;
}

export async function runBuild(o: BuildOptions, log: Log): Promise<BuildResult> {
  const { content, templates } = { content: resolve(o.content), templates: resolve(o.templates) };
  const out = resolve(o.out);
  const shard = o.shard;
  const stages = new StageRecorder();
  const cacheRoot = o.cacheRoot;
  const step = (n: number, label: string) => log.info(`【${n}/5】${label}…`);
  const seconds = (name: string) => `${stages.stats.find((st) => st.stage === name)?.wallSeconds.toFixed(1) ?? '?'} 秒`;

  step(1, '检查内容');
  const checked = await stages.run(
    'check',
    '检查',
    // A live site's go-live check plans the calendar from the build's day (as_of is refused there).
    () =>
      checkContent({ content, templates }, log, {
        color: o.color ?? false,
        today: resolveToday({ flag: o.today, env: o.todayEnv, clock: o.clock ?? (() => new Date()) }).date,
      }),
    (r) => r.fileCount,
  );
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，构建已停止，没有改动输出文件夹。');
  const project = checked.project;
  if (shard) log.info(`分份构建：${shardLabel(shard)}（完整网站，加上这一份的印刷文件和搜索索引）`);

  const given = { flag: o.today, env: o.todayEnv };
  const today = resolveToday({ ...given, asOf: project.site.as_of, clock: o.clock ?? (() => new Date()) });
  const note = todayNote(today, '“今天”');
  if (note) log.info(note);
  // While the holiday table lags (next year missing from October, or deadlines already counted from weekends only), every build says so.
  const calendar = buildCalendar(project.calendars);
  const reminder = calendarReminder(today.date, calendar, provisionalDeadlines(project, calendar, today.date));
  if (reminder) log.warn(reminder);

  const staged = new Staging(out, stages);
  const staging = staged.dir;
  const stage = staged.run.bind(staged);

  // Printers' release notes (last tag → this build): the printers' page shows them, print/ keeps them.
  const notes = await stages.run('release-notes', '重新印刷清单', () =>
    stageReleaseNotes({ content, templates }, { project, today }, given, { cacheDir: join(cacheRoot, 'print'), threads: availableParallelism() }),
  );
  if (notes.message) log.info(notes.message);

  // Posting photos: what hangs on each board, for /supervision/ and the unit pages.
  const postings = await stages.run('postings', '张贴照片', () => readPostings(project, content, today.date, process.cwd(), join(cacheRoot, 'postings')));
  if (postings.photos)
    log.info(
      `✓ 张贴照片 ${postings.photos} 张：${postings.county.posted} 块公开栏按时张贴，${postings.county.outdated} 块是旧版，${postings.county.unreadable} 块照片看不清`,
    );
  for (const f of postings.strayFolders)
    log.info(`注意：content/postings/${f}/ 不是 boards.yaml 中的公开栏编号，其中的照片没有读取，也不会发布。请把文件夹改名为公开栏编号。`);
  const postingPhotos = postings.rows.filter((r) => publicPhoto(r)).map((r) => r.boardId);

  // The print files render alongside the site, into a folder of their own (Astro owns the
  // staging folder while it builds); the pages link them from the plan, known up front.
  const { cardSummary, emptyBoardsNote, overflowReport, plannedManifest, planPrint, runPrint, sharePlan } = await import('../print/run/print-stage.ts');
  const printDir = staged.sibling('.print');
  // What this release asks to print (the reprint list), for the quote sheet.
  const reprint = notes.notes ? new Set(notes.notes.rows.filter((r) => r.change !== 'removed').map((r) => `${r.kind}:${r.id}`)) : undefined;
  const rendered = Promise.withResolvers<void>();
  const printOptions = {
    project,
    outDir: printDir,
    today: today.date,
    cacheDir: join(cacheRoot, 'print'),
    previousManifest: join(out, 'print', 'manifest.json'),
    log: (line: string) => log.info(line),
    rendered: rendered.resolve,
    ...(shard ? { shard } : {}),
    ...(reprint ? { reprint } : {}),
  };
  const plan = planPrint(printOptions);
  step(2, '生成网站，同时排版公开栏和明白卡印刷文件');
  const printing = stage(
    'posters',
    '公开栏和明白卡',
    () => runPrint(printOptions, sharePlan(plan, shard)),
    (r) => r.manifest.boards.length + r.manifest.cards.length,
  );
  // The leak scan's slowest part, reading the PDFs' text, starts as soon as the posters and
  // cards exist. The towns' folders are being written then: their installation lists, a
  // dozen small PDFs, are read by the scan itself.
  const pdfTextsReady = shard
    ? Promise.resolve()
    : Promise.race([rendered.promise, printing])
        .then(() => warmPdfTexts(join(printDir, 'print'), join(cacheRoot, 'leak-scan'), (rel) => !rel.startsWith('towns/')))
        .catch(() => undefined);
  // Its failure is reported where it is awaited, after the site; until then it must not count as unhandled.
  printing.catch(() => undefined);
  // Other media (src/media: LED text, loudspeaker scripts, booklets, share pictures) start once the
  // posters' workers and then the PDF-text workers are done, in workers of their own at the same low
  // priority, into a folder of their own: one set of worker threads at a time keeps the build's
  // memory where it was (the PDF-text workers alongside these took the demo past 2 GB). Every shard
  // makes them whole, like the site.
  const mediaDir = staged.sibling('.media');
  const media = Promise.race([rendered.promise, printing])
    .then(() => pdfTextsReady)
    .then(() => stage('media', '其它媒体', () => runMedia({ project, today: today.date, outDir: mediaDir, cacheDir: join(cacheRoot, 'media') })));
  media.catch(() => undefined);

  // Everything the pages need from the build, in one typed object (src/site/context.ts); the
  // checked project and the content's git history are handed over beside it (read through the
  // same virtual module), so the site neither loads 8,000 files again nor runs git.
  const context: SiteContext = {
    contentDir: content,
    templatesDir: templates,
    today,
    code: siteCode(),
    printPlan: plannedManifest(plan, today.date, project, reprint),
    ...(notes.notes ? { releaseNotes: notes.notes } : {}),
    postings,
    postingPhotos,
  };
  handOverProject({ contentDir: content, templatesDir: templates, project, contentHistory: readContentHistory(content) });
  // The build machine has no network: never try to send Astro's usage statistics.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const clock = new PhaseClock();
  const pages = await stage(
    'site',
    '网站页面',
    async () => {
      const { build } = await import('astro');
      const config = siteAstroConfig({ contentDir: content, templatesDir: templates, context, cacheRoot: o.astroCacheRoot });
      clock.mark('start', '');
      const astroCache = astroCacheDir(content, WORK_ROOT, o.astroCacheRoot);
      await withAstroLock(
        PROJECT_ROOT,
        async () => {
          // Unchanged pages are put in place up front; Astro keeps them instead of copying each.
          const seeded = seedPages(astroCache, staging);
          clock.mark('seed', '放入沿用的页面');
          await build({
            ...config,
            configFile: false,
            integrations: [...(config.integrations ?? []), phaseIntegration(clock)],
            outDir: staging,
            logLevel: o.verbose ? 'info' : 'warn',
            vite: { ...config.vite, build: { ...config.vite?.build, emptyOutDir: false } },
          });
          dropUnclaimedPages(astroCache, staging, seeded);
          clock.mark('cleanup', '清理不再需要的页面');
        },
        (line) => log.info(line),
      );
      return walkFiles(staging).filter((f) => f.endsWith('.html')).length;
    },
    (n) => n,
  ).catch(async (e: unknown) => {
    await printing.catch(() => undefined); // let the workers finish before the folders go
    await media.catch(() => undefined);
    throw e;
  });
  log.info(`✓ 网站页面 ${pages} 个（${seconds('site')}）`);
  // The site stage phase by phase, in the figures the bench reads and in verbose output.
  const phases = clock.phases();
  for (const p of phases)
    stages.record({
      stage: `site:${p.phase}`,
      label: `网站页面：${p.label}`,
      wallSeconds: p.wallSeconds,
      cpuSeconds: p.cpuSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    });
  if (o.verbose) log.info(`  其中：${phases.map((p) => `${p.label} ${p.wallSeconds.toFixed(1)} 秒`).join('，')}`);
  // Only images of public entries are published, through the same gate as the pages.
  const images = await stage(
    'images',
    '图片',
    async () => {
      const list = entryImages(publicEntries(project.entries));
      await publishImages(list, staging);
      return list.length;
    },
    (n) => n,
  );
  if (images) log.info(`✓ 图片 ${images} 张（已去除拍摄位置等信息，${seconds('images')}）`);
  const published = await publishPostingPhotos(postings, content, staging, process.cwd());
  if (published.length) log.info(`✓ 张贴照片 ${published.length} 张上网（缩小，已去除拍摄位置等信息）`);

  // Every page must satisfy the Content-Security-Policy the server sends: read while Pagefind indexes them.
  const inlineScan = scanInlineCode(staging);
  inlineScan.catch(() => undefined); // reported where it is awaited, before the leak scan

  step(3, '生成搜索索引');
  // The pages are final now: the leak scan reads them while Pagefind, in its own process, indexes them.
  const scanner = shard ? undefined : buildLeakScanner(project, content, join(cacheRoot, 'leak-scan'));
  if (scanner) staged.preScan(scanner, 'pagefind');
  const index = await stage(
    'search',
    '搜索索引',
    () =>
      buildSearchIndex(staging, project, {
        cacheDir: join(cacheRoot, 'search'),
        written: (folder) => staged.scanFolder(folder),
        ...(shard ? { only: (_b, i: number) => inShard(shard, i) } : {}),
      }),
    (r) => r.pages,
  );
  log.info(`✓ 搜索索引：${index.pages} 个页面，${index.bundles} 个分卷，其中 ${index.reused} 个未变沿用（${seconds('search')}）`);
  // The search page names the index's files, and what each town's kiosks keep for offline use
  // needs the whole search index: a shard's wait for the merge.
  if (!shard) {
    linkSearchPage(staging);
    await stage('kiosk', '触摸屏离线清单', () => writeKioskOffline(staging, project));
  }

  const printed = await printing;
  await pdfTextsReady; // it reads the print files where they are now
  // Every stage's failure is reported before any folder moves: a failed stage removes the staging
  // folder and its siblings, and a move after that would report a missing folder instead of the cause.
  const made = await media;
  staged.adopt(printDir, 'print');
  staged.adopt(mediaDir, 'channels');
  staged.tidy();
  log.info(`✓ ${mediaSummary(made)}（${seconds('media')}）`);
  for (const line of made.ledNotes.slice(0, 5)) log.warn(line);
  if (made.ledNotes.length > 5) log.warn(`LED 文字：另有 ${made.ledNotes.length - 5} 处 GB2312 以外的字，完整清单见输出文件夹中的 channels/led/notes.txt`);
  printLayoutNotes(printed.warnings, overflowReport(printed.manifest), cacheRoot, log, printed.manifest.empty);
  log.info(
    `✓ 公开栏印刷文件：${printed.manifest.boards.length} 块（新排 ${printed.rendered}，沿用缓存 ${printed.cached}${emptyBoardsNote(printed.manifest)}）${printed.zips.length ? `，${printed.zips.length} 个压缩包（各镇和县直单位）` : ''}（${seconds('posters')}）`,
  );
  log.info(`✓ ${cardSummary(printed)}`);
  notes.write(join(staging, 'print'));
  await staged.run('inline-code', '内联代码检查', async () => {
    const failure = inlineCodeFailure(await inlineScan);
    if (failure) throw failure;
  });
  // The server's settings (nginx snippet, _headers) from the same policy the pages were checked against.
  const serverNote = writeDeployFiles(staging, out, project);
  if (serverNote) log.warn(serverNote);

  const result = (leakScan?: string): BuildResult => ({
    today,
    project,
    pages,
    images,
    search: { pages: index.pages, bundles: index.bundles, reused: index.reused },
    boards: printed.manifest.boards.length,
    cards: printed.manifest.cards.length,
    empty: { boards: printed.manifest.empty.boards.length, cards: printed.manifest.empty.cards.length },
    ...(leakScan ? { leakScan } : {}),
    stages: stages.stats,
    totalSeconds: stages.totalSeconds,
  });

  if (shard) {
    // The merge scans the assembled output for leaks; a shard alone is never published.
    writeShardRecord(staging, {
      shard,
      fingerprint: buildFingerprint([content, templates], today.date, PROGRAM),
      bundles: index.written,
      manifest: printed.manifest,
      order: { boards: plan.jobs.map((j) => j.boardId), cards: plan.cards.map((c) => c.unitId) },
      ...(reprint ? { reprint: [...reprint] } : {}),
    });
    step(4, '保存这一份');
    await staged.swap();
    log.info(`✓ ${shardLabel(shard)}已生成：${o.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）。泄露检查在合并后进行。`);
    return result();
  }

  step(4, '检查输出中有没有党内内容');
  const leakScan = await staged.leakScan(scanner!);
  log.info(`✓ ${leakScan}（${seconds('leak-scan')}）。`);

  step(5, '替换输出文件夹');
  await staged.swap();
  log.info(`✓ 已生成：${o.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）`);
  return result(leakScan);
}
