/**
 * Demo and benchmark data for Gongkai.
 *
 *   node scripts/generate-demo.ts                         the demo county 示范县 into content/
 *   node scripts/generate-demo.ts --synthetic five-years   2022–2026 archive of the demo county
 *   node scripts/generate-demo.ts --synthetic ten-counties ten distinct counties
 *
 * Deterministic: the same seed gives byte-identical files (integer PRNG, no clock, no
 * locale). The demo run rewrites content/units.yaml, content/boards.yaml and the entry
 * folders of the units it generates; the hand-written units' folders are never touched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { UnitModel } from './demo/county.ts';
import type { CatalogItemInfo, YearPlan } from './demo/plan.ts';
import type { Rng } from './demo/rng.ts';
import { chooseRunning, generateCounty, newStats, TODAY, type Stats, type YearsFor } from './demo/write.ts';
import { buildCounty } from './demo/county.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = join(ROOT, 'content');
const DEFAULT_SEED = 20261128;
const SYNTHETIC = ['five-years', 'ten-counties'] as const;
type SyntheticName = (typeof SYNTHETIC)[number];
const MARKER = '.gongkai-synthetic';

/** Units whose entries are written by hand: never generated, never deleted. */
export const HAND_WRITTEN = new Set(['cu-zuzhibu', 't-qingshui', 'v-qingshui-taohua', 'v-qingshui-shangba', 'v-chengguan-dongmen']);

const USAGE = `生成示范数据和性能测试数据

用法：
  npm run demo:generate                         生成示范县数据，写入 content/
  npm run synth -- five-years [--out 文件夹]     生成示范县2022—2026年五年数据（约4万条）
  npm run synth -- ten-counties [--out 文件夹]   生成十个县的数据（每县约8000条）

选项：
  --synthetic 名称   合成数据集：five-years 或 ten-counties
  --out 文件夹       合成数据的输出位置（默认 ../gongkai-bench-data/<名称>，在项目之外）
  --seed 数字        随机种子（默认 ${DEFAULT_SEED}）；同一种子生成的文件逐字节相同
  --help, -h         显示本说明

示范县数据只改写 content/units.yaml、content/boards.yaml 和生成单位的条目文件夹；
手写的 ${[...HAND_WRITTEN].join('、')} 五个单位的条目不会被改动。`;

class UsageError extends Error {}

interface Options {
  synthetic?: SyntheticName;
  out?: string;
  seed: number;
}

function parseArgs(argv: string[]): Options | 'help' {
  const opts: Options = { seed: DEFAULT_SEED };
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 后面需要一个值`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--synthetic': {
        const v = inline ?? argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`请指定合成数据集名称：${SYNTHETIC.join(' 或 ')}`);
        if (inline === undefined) i++;
        if (!(SYNTHETIC as readonly string[]).includes(v)) throw new UsageError(`不认识的合成数据集“${v}”，可用的有：${SYNTHETIC.join('、')}`);
        opts.synthetic = v as SyntheticName;
        break;
      }
      case '--out':
        opts.out = value();
        break;
      case '--seed': {
        const v = value();
        if (!/^\d{1,9}$/.test(v)) throw new UsageError(`随机种子应当是不超过9位的非负整数，收到“${v}”`);
        opts.seed = Number(v);
        break;
      }
      default:
        throw new UsageError(arg.startsWith('-') ? `不认识的选项“${arg}”` : `多余的参数“${arg}”`);
    }
  }
  if (opts.out !== undefined && !opts.synthetic) throw new UsageError('--out 只能和 --synthetic 一起使用（示范县数据总是写入 content/）');
  return opts;
}

function loadCatalog(): { info: Map<string, CatalogItemInfo>; text: string } {
  const text = readFileSync(join(CONTENT, 'catalog.yaml'), 'utf8');
  const doc = parse(text) as { aspects: { items: { id: string; cadence: string; scope: 'public' | 'party'; levels: string[] }[] }[] };
  const info = new Map<string, CatalogItemInfo>();
  for (const a of doc.aspects) for (const it of a.items) info.set(it.id, { cadence: it.cadence, scope: it.scope, levels: it.levels });
  return { info, text };
}

// ---- how many entries each unit gets per year ------------------------------------------

const MANDATORY_CURRENT = ['org', 'wpc-H1', 'wpc-H2', 'dues-H1', 'dues-H2'];

/** Demo and ten-counties: 2026 in full (10–15) plus a short 2025 archive (2–4); 12–20 in all. */
const demoYears =
  (running: Map<string, NonNullable<YearPlan['running']>>): YearsFor =>
  (u: UnitModel, r: Rng) => {
    if (u.kind === 'county-committee') {
      return [{ year: 2026, cutoff: TODAY, target: 6, mandatory: ['org', 'wpc-H2', 'oversight-H2', 'sup-Q4', 'szyd1', 'cadre1'] }];
    }
    const run = running.get(u.id);
    return [
      { year: 2025, cutoff: '2025-12-31', target: r.int(2, 4), mandatory: ['wpc-H2', 'dues-H2'] },
      { year: 2026, cutoff: TODAY, target: r.int(10, 15), mandatory: MANDATORY_CURRENT, ...(run ? { running: run } : {}) },
    ];
  };

/** Five years, 2022–2026, about 15–16 entries per unit and year. */
const fiveYears =
  (running: Map<string, NonNullable<YearPlan['running']>>): YearsFor =>
  (u: UnitModel, r: Rng) => {
    const out: YearPlan[] = [];
    for (let y = 2022; y <= 2026; y++) {
      const current = y === 2026;
      const run = current ? running.get(u.id) : undefined;
      out.push({
        year: y,
        cutoff: current ? TODAY : `${y}-12-31`,
        target: u.kind === 'county-committee' ? 6 : r.int(13, 18),
        mandatory: y === 2022 || current ? MANDATORY_CURRENT : MANDATORY_CURRENT.slice(1),
        ...(run ? { running: run } : {}),
      });
    }
    return out;
  };

// ---- output ------------------------------------------------------------------------------

function progressPrinter(label: string) {
  let last = -1;
  return (done: number, total: number, entries: number) => {
    const step = Math.floor((done * 10) / total);
    if (step !== last || done === total) {
      if (step === last && done !== total) return;
      last = step;
      process.stdout.write(`  ${label}单位 ${done}/${total}，条目 ${entries}\n`);
    }
  };
}

/** Refuses to delete anything the generator did not create. */
function prepareOutDir(dir: string): void {
  const abs = resolve(dir);
  const content = CONTENT + sep;
  if (abs === CONTENT || content.startsWith(abs + sep) || abs.startsWith(content)) {
    throw new UsageError(`输出文件夹 ${dir} 与项目的 content/ 重叠；合成数据请写到 content/ 之外`);
  }
  if (existsSync(abs)) {
    const names = readdirSync(abs);
    if (names.length && !names.includes(MARKER)) {
      throw new UsageError(`输出文件夹 ${dir} 已存在且不是本工具生成的（缺少 ${MARKER} 标记文件）；请换一个文件夹或先清空它`);
    }
    for (const n of names) if (n !== MARKER) rmSync(join(abs, n), { recursive: true, force: true });
  }
  mkdirSync(abs, { recursive: true });
  writeFileSync(join(abs, MARKER), '由 scripts/generate-demo.ts 生成的合成数据；重新生成时会清空本文件夹。\n');
}

/**
 * site.yaml for a synthetic county: the demo's, renamed, without the `codeowners` block —
 * a benchmark folder is not a forge repository, and ten counties share one parent folder,
 * where `check` would look for a single CODEOWNERS file — and without the demo's example
 * release (its reprint list is the demo's to show, not a benchmark county's).
 */
function siteFor(countyShort: string, index: number): string {
  const lines = readFileSync(join(CONTENT, 'site.yaml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^codeowners:/.test(l));
  if (start >= 0) {
    let from = start;
    while (from > 0 && lines[from - 1]!.startsWith('#')) from--;
    let to = start + 1;
    while (to < lines.length && /^(\s+|$)/.test(lines[to]!) && lines[to] !== '') to++;
    lines.splice(from, to - from);
  }
  const text = lines.filter((l) => !/^\s*example_release:/.test(l)).join('\n');
  if (countyShort === '示范') return text;
  return text.replaceAll('示范县', `${countyShort}县`).replace('dwgk.shifan.example.cn', `dwgk.shifan${String(index).padStart(2, '0')}.example.cn`);
}

function printSummary(title: string, stats: Stats, seconds: number, extra: string[] = []): void {
  const items = [...stats.byItem]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join('，');
  const scope = [...stats.byScope].map(([k, v]) => `${k === 'party' ? '党内公开' : '社会公开'} ${v}`).join('，');
  const years = [...stats.byYear]
    .sort()
    .map(([k, v]) => `${k}年 ${v}`)
    .join('，');
  console.log(
    [
      `${title}完成，用时 ${seconds.toFixed(1)} 秒`,
      ...extra,
      `  生成条目的单位：${stats.units} 个`,
      `  条目：${stats.entries} 条（${(stats.bytes / 1048576).toFixed(1)} MB），正文互不相同的 ${stats.distinctBodies.size} 条`,
      `  公开范围：${scope}`,
      `  年份：${years}`,
      `  今天（${TODAY}）仍在公示期内的公示：${stats.running} 条`,
      `  按事项：${items}`,
    ].join('\n'),
  );
}

function main(argv: string[]): number {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const catalog = loadCatalog();
  const stats = newStats();
  const elapsed = () => (performance.now() - started) / 1000;

  if (!parsed.synthetic) {
    console.log(`生成示范县数据（种子 ${parsed.seed}）→ ${relative(process.cwd(), CONTENT) || '.'}`);
    const county = buildCounty({ seed: parsed.seed, short: '示范', demo: true });
    const running = chooseRunning(county, parsed.seed, HAND_WRITTEN);
    const { county: c, boards } = generateCounty(
      {
        seed: parsed.seed,
        short: '示范',
        demo: true,
        contentDir: CONTENT,
        catalog: catalog.info,
        years: demoYears(running),
        skip: HAND_WRITTEN,
        progress: progressPrinter(''),
      },
      stats,
    );
    const kinds = ['county-committee', 'county-unit', 'town', 'village'].map((k) => `${k} ${c.units.filter((u) => u.kind === k).length}`).join('，');
    printSummary('示范县', stats, elapsed(), [
      `  单位：${c.units.length} 个（${kinds}）`,
      `  公开栏：${boards.length} 块`,
      `  手写单位（未改动）：${[...HAND_WRITTEN].join('、')}`,
    ]);
    return 0;
  }

  const out = resolve(parsed.out ?? join(ROOT, '..', 'gongkai-bench-data', parsed.synthetic));
  prepareOutDir(out);
  console.log(`生成合成数据 ${parsed.synthetic}（种子 ${parsed.seed}）→ ${out}`);
  const counties: { short: string; seed: number; dir: string; index: number }[] =
    parsed.synthetic === 'five-years'
      ? [{ short: '示范', seed: parsed.seed, dir: out, index: 0 }]
      : Array.from({ length: 10 }, (_, i) => ({
          short: `示范${'一二三四五六七八九十'[i]}`,
          seed: parsed.seed + (i + 1) * 7919,
          dir: join(out, `county-${String(i + 1).padStart(2, '0')}`),
          index: i + 1,
        }));
  let boardsTotal = 0;
  let unitsTotal = 0;
  for (const k of counties) {
    mkdirSync(k.dir, { recursive: true });
    writeFileSync(join(k.dir, 'site.yaml'), siteFor(k.short, k.index));
    writeFileSync(join(k.dir, 'catalog.yaml'), catalog.text);
    const county = buildCounty({ seed: k.seed, short: k.short, demo: parsed.synthetic === 'five-years' });
    const none = new Set<string>();
    const running = chooseRunning(county, k.seed, none);
    const years = parsed.synthetic === 'five-years' ? fiveYears(running) : demoYears(running);
    const label = counties.length > 1 ? `${k.short}县 ` : '';
    const { county: c, boards } = generateCounty(
      {
        seed: k.seed,
        short: k.short,
        demo: parsed.synthetic === 'five-years',
        contentDir: k.dir,
        catalog: catalog.info,
        years,
        skip: none,
        progress: progressPrinter(label),
      },
      stats,
    );
    boardsTotal += boards.length;
    unitsTotal += c.units.length;
  }
  printSummary(`合成数据 ${parsed.synthetic} `, stats, elapsed(), [
    `  县：${counties.length} 个，单位 ${unitsTotal} 个，公开栏 ${boardsTotal} 块`,
    `  输出：${out}`,
  ]);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`用法错误：${e.message}\n运行 npm run demo:generate -- --help 查看用法。`);
    process.exitCode = 2;
  } else {
    console.error(`生成失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  }
}
