/**
 * The speed targets (issue 19), each against the bench's own figures: met or not, by how
 * much, and the stage breakdown behind it. Medians of the runs; a target whose scenario was
 * not run this time is left out, not guessed.
 */
import type { BuildFigures } from './run-build.ts';
import type { FloorFigures } from './framework-floor.ts';
import type { PreviewFigures } from './preview-latency.ts';

interface Scenario {
  name: string;
  cold: BuildFigures[];
  oneEntry: BuildFigures[];
}

export interface TargetInputs {
  scenarios: Scenario[];
  floor?: FloorFigures | undefined;
  preview?: PreviewFigures | undefined;
  /** `gongkai print` alone on the demo, cold: CPU seconds and items (boards + card sets). */
  print?: { cpuSeconds: number; items: number } | undefined;
}

/** The middle figure of several runs (the lower middle of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

/** The build's slowest stages, as “网站页面 12.5、搜索索引 17.8”. */
function breakdown(list: BuildFigures[]): string {
  const stages = list[0]?.stages.filter((s) => !s.stage.includes(':')) ?? [];
  return stages
    .map((s) => ({ label: s.label.trim(), wall: median(list.map((f) => f.stages.find((x) => x.stage === s.stage)?.wallSeconds ?? NaN)) }))
    .filter((s) => s.wall >= 0.5)
    .sort((a, b) => b.wall - a.wall)
    .map((s) => `${s.label} ${s.wall.toFixed(1)}`)
    .join('、');
}

function line(name: string, value: number, target: number, unit: string, digits: number, extra = ''): string {
  const met = value <= target;
  return `  ${met ? '✓ 达到' : '✗ 未达到'}  ${name}：${value.toFixed(digits)} ${unit}（目标 ≤ ${target} ${unit}${met ? '' : `，是目标的 ${(value / target).toFixed(1)} 倍`}）${extra}`;
}

export function targetsReport(t: TargetInputs): string {
  const rows: string[] = [];
  const demo = t.scenarios.find((s) => s.name === 'demo');
  if (demo?.oneEntry.length) {
    const wall = median(demo.oneEntry.map((f) => f.wallSeconds));
    rows.push(line('示范县改动一条后构建', wall, 5, '秒', 1, `；各步（秒）：${breakdown(demo.oneEntry)}`));
  }
  if (demo?.cold.length) {
    rows.push(line('示范县冷构建', median(demo.cold.map((f) => f.wallSeconds)), 60, '秒', 1, `；各步（秒）：${breakdown(demo.cold)}`));
    rows.push(line('示范县冷构建内存峰值', median(demo.cold.map((f) => (f.peakRssMb ?? NaN) / 1024)), 2, 'GB', 2));
  }
  const five = t.scenarios.find((s) => s.name === 'five-years');
  if (five?.cold.length) {
    rows.push(line('五年存档县冷构建', median(five.cold.map((f) => f.wallSeconds)), 240, '秒', 1, `；各步（秒）：${breakdown(five.cold)}`));
    rows.push(line('五年存档县冷构建内存峰值', median(five.cold.map((f) => (f.peakRssMb ?? NaN) / 1024)), 3, 'GB', 2));
  }
  if (t.print)
    rows.push(
      line(
        '印刷每项 CPU 时间（只印刷，冷）',
        (t.print.cpuSeconds / t.print.items) * 1000,
        25,
        '毫秒',
        1,
        `；${t.print.items} 项共 ${t.print.cpuSeconds.toFixed(1)} 秒`,
      ),
    );
  if (t.preview && t.preview.saves.length > 1) {
    const rest = t.preview.saves.slice(1);
    rows.push(
      line(
        '实时预览每次保存（检查、网页、公开栏全部完成）',
        median(rest.map((s) => s.doneSeconds)),
        1,
        '秒',
        2,
        `；网页显示改动 ${median(rest.map((s) => s.pageSeconds)).toFixed(2)} 秒`,
      ),
    );
  }
  if (t.floor && demo?.cold.length) {
    const site = median(demo.cold.map((f) => f.stages.find((s) => s.stage === 'site')?.wallSeconds ?? NaN));
    rows.push(
      `  框架下限：Astro 单独生成 ${t.floor.pages.toLocaleString('en-US')} 个简单页面 ${t.floor.wallSeconds.toFixed(1)} 秒；冷构建的网站一步是它的 ${(site / t.floor.wallSeconds).toFixed(2)} 倍`,
    );
    if (t.floor.warm) {
      const warm = median(demo.oneEntry.map((f) => f.stages.find((s) => s.stage === 'site')?.wallSeconds ?? NaN));
      rows.push(
        `  Astro 什么都不改、重新构建这么多页面最少要 ${t.floor.warm.wallSeconds.toFixed(1)} 秒` +
          (Number.isFinite(warm) ? `；改动一条后的网站一步 ${warm.toFixed(1)} 秒，是它的 ${(warm / t.floor.warm.wallSeconds).toFixed(2)} 倍` : '') +
          (t.floor.warm.wallSeconds > 5 ? '。只要整个网站交给 Astro 重新构建，“改动一条 ≤ 5 秒”就达不到' : ''),
      );
    }
  }
  return rows.join('\n');
}
