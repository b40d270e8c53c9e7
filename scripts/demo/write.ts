/**
 * Writing a county to disk: registries (units.yaml, boards.yaml) and entry folders, with
 * counters for the summary. Only the folders of generated units are removed and rewritten.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildBoards, type BoardRecord } from './boards.ts';
import { addDays, isWorkday, noticeEnd } from './calendar.ts';
import { buildCounty, unitRecord, type County, type UnitModel } from './county.ts';
import { renderEntry } from './entry.ts';
import type { Spec } from './kit.ts';
import { planYear, type CatalogItemInfo, type YearPlan } from './plan.ts';
import { hashString, Rng } from './rng.ts';

export const TODAY = '2026-11-28';

export interface Stats {
  units: number;
  entries: number;
  byItem: Map<string, number>;
  byScope: Map<string, number>;
  byYear: Map<string, number>;
  running: number;
  distinctBodies: Set<string>;
  bytes: number;
}

export const newStats = (): Stats => ({
  units: 0,
  entries: 0,
  byItem: new Map(),
  byScope: new Map(),
  byYear: new Map(),
  running: 0,
  distinctBodies: new Set(),
  bytes: 0,
});
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** Which years a unit gets and how many entries per year. */
export type YearsFor = (u: UnitModel, r: Rng) => YearPlan[];

export interface CountyJob {
  seed: number;
  short: string;
  demo: boolean;
  contentDir: string;
  catalog: Map<string, CatalogItemInfo>;
  years: YearsFor;
  /** Units whose entry folders are left alone (hand-written). */
  skip: ReadonlySet<string>;
  progress: (done: number, total: number, entries: number) => void;
}

const UNITS_HEADER = `# 单位名录：县委、县直单位、镇（街道）、村（社区）党组织。
# 名称约定：县委和县直单位写党组织全称（中共示范县委组织部），镇（街道）、村（社区）写地名（清水镇、桃花村）。
# households：户数（县直单位为干部职工人数），用于估算明白卡印数。
# 示范数据，由 scripts/generate-demo.ts 生成；人名、电话均为虚构。
`;
const BOARDS_HEADER = `# 公开栏名录：每个县直单位、镇（街道）、村（社区）一块永久性公开栏，尺寸单位为毫米。
# 示范数据，由 scripts/generate-demo.ts 生成。
# 施工单（可选，写进印刷清单和安装清单）：placement 室内 indoor / 室外 outdoor，material 材料，finish 表面处理，
# mounting 安装方式，substrate 基材（画面裱在或贴在什么上），fixing 固定方式，copies 印几份（默认 1）；
# tile: A3 或 A4 另出办公室打印机用的拼贴版；
# continuation: true 只用于由几块板组成的公开栏：内容排不下时加印续页而不精简。
`;

export function writeRegistries(county: County, boards: BoardRecord[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'units.yaml'), UNITS_HEADER + stringify(county.units.map(unitRecord), { lineWidth: 0 }));
  writeFileSync(join(dir, 'boards.yaml'), BOARDS_HEADER + stringify(boards, { lineWidth: 0 }));
}

/** Working days from Tuesday 24 to Friday 27 November 2026: notices still running today. */
function runningStarts(): string[] {
  const out: string[] = [];
  for (let d = addDays(TODAY, -4); d < TODAY; d = addDays(d, 1)) if (isWorkday(d)) out.push(d);
  return out;
}

/** Picks the units with a 公示 running today: 8 recruitment notices, 4 cadre notices. */
export function chooseRunning(county: County, seed: number, skip: ReadonlySet<string>): Map<string, NonNullable<YearPlan['running']>> {
  const r = Rng.derive(seed, 'running', county.short);
  const starts = runningStarts();
  const pool = county.units.filter((u) => u.kind !== 'county-committee' && !skip.has(u.id));
  const out = new Map<string, NonNullable<YearPlan['running']>>();
  for (const u of r.sample(
    pool.filter((x) => x.kind === 'village'),
    6,
  ))
    out.set(u.id, { item: 'recruitment-publicity', start: r.pick(starts) });
  for (const u of r.sample(
    pool.filter((x) => x.kind !== 'village' && !out.has(x.id)),
    6,
  )) {
    out.set(u.id, { item: out.size % 3 === 0 ? 'recruitment-publicity' : 'cadre-selection', start: r.pick(starts) });
  }
  return out;
}

export function generateCounty(job: CountyJob, stats: Stats): { county: County; boards: BoardRecord[] } {
  const county = buildCounty({ seed: job.seed, short: job.short, demo: job.demo });
  const boards = buildBoards(county, job.seed);
  writeRegistries(county, boards, job.contentDir);
  const entriesDir = join(job.contentDir, 'entries');
  const todo = county.units.filter((u) => !job.skip.has(u.id));
  todo.forEach((u, i) => {
    const unitDir = join(entriesDir, u.id);
    rmSync(unitDir, { recursive: true, force: true });
    const r = Rng.derive(job.seed, 'plan', u.id);
    const slugs = new Set<string>();
    for (const plan of job.years(u, r)) {
      const specs: Spec[] = planYear(u, plan, r, job.catalog, slugs);
      if (!specs.length) continue;
      const yearDir = join(unitDir, String(plan.year));
      mkdirSync(yearDir, { recursive: true });
      for (const spec of specs) {
        const info = job.catalog.get(spec.item)!;
        const e = renderEntry(u, spec, county.name, job.seed, info);
        writeFileSync(join(yearDir, `${spec.slug}.md`), e.text);
        stats.entries++;
        stats.bytes += Buffer.byteLength(e.text);
        bump(stats.byItem, spec.item);
        bump(stats.byScope, e.scope);
        bump(stats.byYear, spec.date.slice(0, 4));
        stats.distinctBodies.add(`${hashString(e.body)}:${hashString(e.body, 0x9e3779b9)}:${e.body.length}`);
        if (spec.notice && spec.notice.start <= TODAY && noticeEnd(spec.notice.start, spec.notice.days) >= TODAY) stats.running++;
      }
    }
    stats.units++;
    job.progress(i + 1, todo.length, stats.entries);
  });
  return { county, boards };
}
