/**
 * `npm run bench`: builds the demo county, a five-year archive and ten counties, cold and
 * warm and after one entry changed; prints per-stage wall time, CPU time, peak memory and
 * throughput; compares poster printing with headless Chromium on the same content; writes
 * everything to a JSON file. Figures, not pass/fail: quote medians, the machine is shared.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { loadProject } from '../src/load/load-project.ts';
import { chromiumPosters } from './bench/chromium-posters.ts';
import { chromiumPath } from '../test/e2e/chromium.ts';
import { gongkaiPosters } from './bench/our-posters.ts';
import { runBuild, type BuildFigures } from './bench/run-build.ts';
import { searchLatency, searchReport } from './bench/search-latency.ts';
import { villagerQueries } from './bench/villager-queries.ts';
import { boardFill, boardFillReport } from './bench/board-fill.ts';
import { decodeRatesReport, fullestPerTemplate, postingDecodeRates } from './bench/posting-photos.ts';
import { frameworkFloor } from './bench/framework-floor.ts';
import { previewLatency, publicEntryOf } from './bench/preview-latency.ts';
import { median, targetsReport } from './bench/targets.ts';
import { fastPaths, fastPathsReport, type FastPathFigures } from './bench/fast-paths.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '../gongkai-bench-data');
const TODAY = '2026-11-28';

const USAGE = `用法：npm run bench -- [--only demo,five-years,ten-counties,preview,search,boards,floor,postings,fast-paths] [--runs 3] [--large-runs 1] [--site dist] [--out 文件]
  在临时文件夹中构建示范县、五年存档县和十个县（冷构建、无改动的热构建、改动一条后的构建），
  打印各阶段的用时、CPU 时间、内存峰值和吞吐量，并与用 Chromium 从 HTML 打印公开栏对比。
  preview：实时预览（npm run preview）：示范县保存一个条目后，多久网页显示改动、多久检查和公开栏预览全部完成（保存 7 次，取中位数）。
  fast-paths：解析的两条快速路径（前置信息的值用 js-yaml 读；最简单的正文由公开栏排版逐行读），在示范县全部条目上单线程各走一遍，有它和没有它的用时。
  floor：框架下限——Astro 单独生成同样多的简单页面要多久（测 demo 时也测，并算出网站一步是它的几倍）。
  boards：示范县每块公开栏排版后的版面：空白比例（中位数、最多）、是否一张、最小字号、精简了什么，列出最满和最空的十块；
  以及每块公开栏 PDF 上最大的空洞（成品内、墨迹外扩 5 毫米后最大的空白矩形，10 dpi，上限为成品面积的 8%）。
  search：村民的搜索，在真实的 Chromium 里、经 nginx（同网站管理员指南的设置；没有 nginx 时用 Node 的服务器）：
  台式机和手机（CPU 慢 4 倍、延迟 150 毫秒、1.6 Mbit/s）上，从打开搜索页（浏览器缓存是空的）到第一页结果显示出来的时间，
  同一页上接着搜下一个词的时间，以及传输的数据量；查询是村民常打的十几个词，取中位数。
  用 --site 指定生成好的网站（默认 dist）；没有时先构建示范县。
  --runs 示范县每项的次数（取中位数）；--large-runs 五年存档县的次数。十个县各做一次冷构建
  （整条流水线依次构建十个县，看总时间和每个县的中位数）。`;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'large-runs': { type: 'string', default: '1' },
    out: { type: 'string', default: '.cache/bench.json' },
    site: { type: 'string', default: 'dist' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Math.max(1, Number(values.runs));
const largeRuns = Math.max(1, Number(values['large-runs']));
const only = new Set((values.only ?? 'demo,five-years,ten-counties,preview,search').split(','));

const strip = ({ output: _output, ...figures }: BuildFigures) => figures;

function ensureSynthetic(name: string): string {
  const dir = join(DATA, name);
  if (!existsSync(dir)) {
    console.log(`生成测试数据 ${name}…`);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-demo.ts'), '--synthetic', name], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`生成 ${name} 失败`);
  }
  return dir;
}

/** A scratch copy of a content folder, so a bench never edits the repository's content. */
function scratchCopy(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-content-'));
  cpSync(src, join(dir, 'content'), { recursive: true });
  // The forge's CODEOWNERS sits beside the content folder, and check holds them in step.
  for (const owners of ['.github/CODEOWNERS', '.gitlab/CODEOWNERS', '.gitea/CODEOWNERS']) {
    if (existsSync(join(src, '..', owners))) cpSync(join(src, '..', owners), join(dir, owners));
  }
  return join(dir, 'content');
}

interface Scenario {
  name: string;
  cold: BuildFigures[];
  warm: BuildFigures[];
  oneEntry: BuildFigures[];
  entries: number;
}

function bench(name: string, content: string, times = runs, coldOnly = false): Scenario {
  const out = join(tmpdir(), `gongkai-bench-out-${name}`);
  const cache = join(tmpdir(), `gongkai-bench-cache-${name}`);
  const args = ['--content', content, '--out', out];
  const env = { GONGKAI_TODAY: TODAY, GONGKAI_CACHE_DIR: cache };
  const result: Scenario = {
    name,
    cold: [],
    warm: [],
    oneEntry: [],
    entries: loadProject({ contentDir: content, templatesDir: join(ROOT, 'templates') }).project?.entries.length ?? 0,
  };
  // The first public entry of the first village's latest year: a party-internal entry would
  // change nothing the public sees, and measure nothing.
  const entry = publicEntryOf(content);
  for (let i = 0; i < times; i++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    process.stdout.write(`  ${name}：冷构建 ${i + 1}/${times}… `);
    result.cold.push(check(runBuild(args, env)));
    if (coldOnly) {
      process.stdout.write('\n');
      continue;
    }
    process.stdout.write(`热构建… `);
    result.warm.push(check(runBuild(args, env)));
    appendFileSync(entry, `\n（性能测试第${i + 1}次修改。）\n`);
    process.stdout.write(`改动一条后构建…\n`);
    result.oneEntry.push(check(runBuild(args, env)));
  }
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  return result;
}

function check(f: BuildFigures): BuildFigures {
  if (!f.ok) {
    console.error(f.output.slice(-3000));
    throw new Error('构建失败，性能测试停止');
  }
  return f;
}

function table(s: Scenario): string {
  const rows: string[] = [];
  const fmt = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(d));
  for (const [label, list] of [
    ['冷构建', s.cold],
    ['热构建（无改动）', s.warm],
    ['改动一条后', s.oneEntry],
  ] as const) {
    if (!list.length) continue;
    rows.push(
      `  ${label}：总计 ${fmt(median(list.map((f) => f.wallSeconds)))} 秒，CPU ${fmt(median(list.map((f) => f.cpuSeconds ?? NaN)))} 秒，内存峰值 ${fmt(median(list.map((f) => f.peakRssMb ?? NaN)), 0)} MB`,
    );
    const stages = list[0]?.stages.map((st) => st.stage) ?? [];
    for (const stage of stages) {
      const pick = list.map((f) => f.stages.find((x) => x.stage === stage)!).filter(Boolean);
      const wall = median(pick.map((p) => p.wallSeconds));
      const items = pick[0]?.items;
      rows.push(
        `    ${pick[0]!.label.padEnd(10, '　')} ${fmt(wall).padStart(7)} 秒  CPU ${fmt(median(pick.map((p) => p.cpuSeconds))).padStart(7)} 秒  峰值 ${fmt(median(pick.map((p) => p.peakRssMb)), 0).padStart(6)} MB` +
          (items ? `  ${items} 项，${fmt(items / Math.max(wall, 1e-3), 0)} 项/秒` : ''),
      );
    }
  }
  return rows.join('\n');
}

const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  freeGb: Math.round(freemem() / 2 ** 30),
  node: process.version,
};
console.log(`机器：${machine.cpus} 核 ${machine.model}，内存 ${machine.memoryGb} GB；Node ${machine.node}；每项 ${runs} 次，取中位数。\n`);
const scenarios: Scenario[] = [];
if (only.has('demo')) scenarios.push(bench('demo', scratchCopy(join(ROOT, 'content'))));
if (only.has('five-years')) scenarios.push(bench('five-years', scratchCopy(ensureSynthetic('five-years')), largeRuns));
if (only.has('ten-counties')) {
  const base = ensureSynthetic('ten-counties');
  for (const c of readdirSync(base)
    .filter((d) => d.startsWith('county-'))
    .sort()) {
    scenarios.push(bench(`ten-counties/${c}`, scratchCopy(join(base, c)), 1, true));
  }
}
for (const s of scenarios) console.log(`\n【${s.name}】${s.entries.toLocaleString('en-US')} 条\n${table(s)}`);
const counties = scenarios.filter((s) => s.name.startsWith('ten-counties/'));
if (counties.length) {
  const walls = counties.map((s) => s.cold[0]!.wallSeconds);
  console.log(
    `\n【十个县】依次冷构建 ${counties.length} 个县共 ${walls.reduce((a, b) => a + b, 0).toFixed(0)} 秒，每县中位数 ${median(walls).toFixed(1)} 秒，内存峰值最高 ${Math.max(...counties.map((s) => s.cold[0]!.peakRssMb ?? 0)).toFixed(0)} MB`,
  );
}

let chromium: { chromium: Awaited<ReturnType<typeof chromiumPosters>>; ours: Awaited<ReturnType<typeof gongkaiPosters>> } | undefined;
if (only.has('demo') && (await chromiumPath())) {
  const project = loadProject({ contentDir: join(ROOT, 'content'), templatesDir: join(ROOT, 'templates') }).project!;
  const boards = project.boards
    .filter((b) => b.unit.startsWith('v-'))
    .slice(0, 20)
    .map((b) => b.id);
  // Same boards, same content, one worker each: Chromium printing HTML vs our pipeline.
  chromium = { chromium: await chromiumPosters(project, boards, TODAY), ours: await gongkaiPosters(project, boards, TODAY) };
  console.log(
    `\n【对比】同样 ${boards.length} 块公开栏，单线程：Chromium 从 HTML 打印每张 ${chromium.chromium.perPoster.toFixed(3)} 秒；本工具每张 ${chromium.ours.perPoster.toFixed(3)} 秒（含预览图），快 ${(chromium.chromium.perPoster / chromium.ours.perPoster).toFixed(1)} 倍`,
  );
}

// The framework's floor: as many plain pages as the demo's site, built by Astro alone.
let floor: ReturnType<typeof frameworkFloor> | undefined;
if (only.has('floor') || only.has('demo')) {
  const demo = scenarios.find((s) => s.name === 'demo');
  const pages = demo?.cold[0]?.stages.find((st) => st.stage === 'site')?.items ?? 8427;
  floor = frameworkFloor(pages);
  const site = demo ? median(demo.cold.map((b) => b.stages.find((st) => st.stage === 'site')?.wallSeconds ?? NaN)) : NaN;
  console.log(
    `\n【框架下限】Astro 单独生成 ${floor.pages.toLocaleString('en-US')} 个简单页面：${floor.wallSeconds.toFixed(1)} 秒${floor.cpuSeconds ? `（CPU ${floor.cpuSeconds.toFixed(1)} 秒，内存峰值 ${floor.peakRssMb!.toFixed(0)} MB）` : ''}` +
      (Number.isFinite(site) ? `；示范县冷构建的网站一步 ${site.toFixed(1)} 秒，是下限的 ${(site / floor.wallSeconds).toFixed(2)} 倍` : ''),
  );
  if (floor.warm) {
    const warmSite = demo ? median(demo.oneEntry.map((b) => b.stages.find((st) => st.stage === 'site')?.wallSeconds ?? NaN)) : NaN;
    console.log(
      `  同样的页面都带缓存键、什么都没改时重新构建：${floor.warm.wallSeconds.toFixed(1)} 秒——这是 Astro 重新构建整个网站的最低用时` +
        (Number.isFinite(warmSite) ? `；示范县改动一条后网站一步 ${warmSite.toFixed(1)} 秒，是它的 ${(warmSite / floor.warm.wallSeconds).toFixed(2)} 倍` : ''),
    );
  }
}

// Print per item: `gongkai print` alone (no site stage beside it taking the same cores), cold.
let printOnly: { cpuSeconds: number; items: number; wallSeconds: number } | undefined;
const demoScenario = scenarios.find((s) => s.name === 'demo');
if (demoScenario) {
  const items = demoScenario.cold[0]?.stages.find((st) => st.stage === 'posters')?.items ?? 0;
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(tmpdir(), 'gongkai-bench-out-print');
    const cache = join(tmpdir(), 'gongkai-bench-cache-print');
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    process.stdout.write(`  只印刷（冷）${i + 1}/${runs}…\n`);
    const f = check(runBuild(['--content', join(ROOT, 'content'), '--out', out], { GONGKAI_TODAY: TODAY, GONGKAI_CACHE_DIR: cache }, 'print'));
    cpu.push(f.cpuSeconds ?? NaN);
    wall.push(f.wallSeconds);
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  printOnly = { cpuSeconds: median(cpu), wallSeconds: median(wall), items };
  console.log(
    `\n【只印刷】${items} 项（公开栏和明白卡），冷：${printOnly.wallSeconds.toFixed(1)} 秒，CPU ${printOnly.cpuSeconds.toFixed(1)} 秒，每项 ${((printOnly.cpuSeconds / items) * 1000).toFixed(1)} 毫秒`,
  );
}

let preview: Awaited<ReturnType<typeof previewLatency>> | undefined;
if (only.has('preview')) {
  const content = scratchCopy(join(ROOT, 'content'));
  process.env.GONGKAI_TODAY = TODAY;
  process.env.GONGKAI_CACHE_DIR = join(tmpdir(), 'gongkai-bench-cache-preview');
  preview = await previewLatency(content, join(ROOT, 'templates'), publicEntryOf(content));
  rmSync(join(content, '..'), { recursive: true, force: true });
  const [first, ...rest] = preview.saves;
  const fmt = (xs: number[]) => `中位数 ${median(xs).toFixed(2)} 秒，最慢 ${Math.max(...xs).toFixed(2)} 秒`;
  console.log(
    `\n【实时预览】启动 ${preview.startSeconds.toFixed(1)} 秒，第一次打开条目页 ${preview.firstPageSeconds.toFixed(2)} 秒；` +
      `第一次保存（含读取字体）网页 ${first!.pageSeconds.toFixed(2)} 秒、全部 ${first!.doneSeconds.toFixed(2)} 秒；之后 ${rest.length} 次保存：\n` +
      `  网页显示改动 ${fmt(rest.map((r) => r.pageSeconds))}\n` +
      `  检查、网页和公开栏预览全部完成 ${fmt(rest.map((r) => r.doneSeconds))}（其中检查 ${median(rest.map((r) => r.checkSeconds)).toFixed(2)} 秒，公开栏 ${median(rest.map((r) => r.boardsSeconds)).toFixed(2)} 秒）`,
  );
}

let fill: Awaited<ReturnType<typeof boardFill>> | undefined;
if (only.has('boards')) {
  const project = loadProject({ contentDir: join(ROOT, 'content'), templatesDir: join(ROOT, 'templates') }).project!;
  fill = await boardFill(project, TODAY);
  console.log(`\n【公开栏版面】${boardFillReport(fill)}`);
}

if (only.has('postings')) {
  const rates = await postingDecodeRates(join(ROOT, 'test/fixtures/mini'), join(ROOT, 'templates'), TODAY);
  console.log(`\n【张贴照片二维码识别率】（小样县 ${rates[0]?.photos ?? 0} 块公开栏，模拟手机照片）\n${decodeRatesReport(rates)}`);
  const demo = await postingDecodeRates(join(ROOT, 'content'), join(ROOT, 'templates'), TODAY, fullestPerTemplate);
  console.log(`\n【张贴照片二维码识别率】（示范县每种版式内容最多的一块，共 ${demo[0]?.photos ?? 0} 块，模拟手机照片）\n${decodeRatesReport(demo)}`);
}

let fast: FastPathFigures[] | undefined;
if (only.has('fast-paths')) {
  const project = loadProject({ contentDir: join(ROOT, 'content'), templatesDir: join(ROOT, 'templates') }).project!;
  fast = fastPaths(project, (file) => readFileSync(file, 'utf8'), runs);
  console.log(fastPathsReport(fast));
}

let search: Awaited<ReturnType<typeof searchLatency>> | undefined;
if (only.has('search')) {
  let site = resolve(ROOT, values.site!);
  let built: string | undefined;
  if (!existsSync(join(site, 'pagefind'))) {
    // No built site given: the demo county, built once for the measurement.
    built = mkdtempSync(join(tmpdir(), 'gongkai-bench-search-'));
    site = join(built, 'dist');
    process.stdout.write(`  搜索：先构建示范县（${site}）…\n`);
    check(runBuild(['--content', join(ROOT, 'content'), '--out', site], { GONGKAI_TODAY: TODAY, GONGKAI_CACHE_DIR: join(built, 'cache') }));
  }
  const project = loadProject({ contentDir: join(ROOT, 'content'), templatesDir: join(ROOT, 'templates') }).project!;
  search = await searchLatency(site, villagerQueries(project));
  console.log(`\n${searchReport(search)}`);
  if (built) rmSync(built, { recursive: true, force: true });
}

const targets = targetsReport({ scenarios, floor, preview, print: printOnly });
if (targets) console.log(`\n【目标】\n${targets}`);

mkdirSync(resolve(ROOT, values.out!, '..'), { recursive: true });
writeFileSync(
  resolve(ROOT, values.out!),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      runs,
      scenarios: scenarios.map(({ name, entries, cold, warm, oneEntry }) => ({
        name,
        entries,
        cold: cold.map(strip),
        warm: warm.map(strip),
        oneEntry: oneEntry.map(strip),
      })),
      chromium,
      search,
      boardFill: fill,
      frameworkFloor: floor,
      preview,
      printOnly,
      fastPaths: fast,
    },
    null,
    2,
  ),
);
console.log(`\n结果已写入 ${values.out}`);
