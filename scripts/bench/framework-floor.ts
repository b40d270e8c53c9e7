/**
 * The framework's floor: the same number of pages as the demo site, each about as large as an
 * entry page (a title, a line of navigation and some 800 characters of Chinese text in a
 * plain layout), built cold by Astro alone in a scratch project with nothing else — no content
 * layer, no data, no search, no print. The site stage's time divided by this is our overhead
 * over what Astro itself needs for that many pages on this machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAGE_CONCURRENCY } from '../../src/site/astro-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface FloorFigures {
  pages: number;
  wallSeconds: number;
  cpuSeconds?: number;
  peakRssMb?: number;
  /**
   * The same pages rebuilt with nothing changed, with Astro's incremental build and a cache
   * key on every page (as our entry and unit pages have): Astro's own cost of a rebuild in
   * which no page needs rendering — the floor under a one-entry rebuild's site stage.
   */
  warm?: { wallSeconds: number; cpuSeconds?: number };
}

const PAGE = `---
export function getStaticPaths() {
  const keyed = process.env.FLOOR_KEYED === '1';
  return Array.from({ length: Number(import.meta.env.FLOOR_PAGES ?? process.env.FLOOR_PAGES) }, (_, i) => ({ params: { n: String(i) }, ...(keyed ? { cacheKey: String(i) } : {}) }));
}
const { n } = Astro.params;
const text = '本村党支部按照上级要求，公开本期党务工作情况，接受党员群众监督。'.repeat(25);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>第{n}条 - 示范县党务公开网</title></head>
<body><nav><a href="/">首页</a> · <a href="/units/">单位</a></nav><main><h1>第{n}条公开内容</h1><p>{text}</p></main></body></html>
`;

/** Builds `pages` plain pages with Astro in a scratch project inside this one (so it finds Astro in node_modules). */
export function frameworkFloor(pages: number): FloorFigures {
  // Inside the project, so the scratch project resolves astro from this node_modules.
  const dir = join(ROOT, '.cache', 'bench-floor');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'src', 'pages', '[n].astro'), PAGE);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  const timing = join(dir, 'time.txt');
  const useTime = existsSync('/usr/bin/time');
  const build = (incremental: boolean): { wallSeconds: number; cpuSeconds?: number; peakRssMb?: number } => {
    const config = {
      root: dir,
      logLevel: 'error',
      build: { format: 'directory', concurrency: PAGE_CONCURRENCY },
      ...(incremental ? { experimental: { incrementalBuild: true } } : {}),
    };
    const args = ['-e', `import('astro').then((a) => a.build(${JSON.stringify(config)}))`];
    const t0 = performance.now();
    const r = spawnSync(useTime ? '/usr/bin/time' : process.execPath, useTime ? ['-o', timing, '-f', '%e %U %S %M', process.execPath, ...args] : args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FLOOR_PAGES: String(pages), FLOOR_KEYED: incremental ? '1' : '0', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const wall = (performance.now() - t0) / 1000;
    if (r.status !== 0 && !r.error) throw new Error(`框架下限的 Astro 构建失败：${r.stderr}`);
    // Without GNU time only the wall time is known.
    if (!useTime || !existsSync(timing)) return { wallSeconds: wall };
    const [, user, sys, rss] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
    return { wallSeconds: wall, cpuSeconds: user! + sys!, peakRssMb: rss! / 1024 };
  };
  const figures: FloorFigures = { pages, ...build(false) };
  // Cold once to fill the cache, then the rebuild with nothing changed.
  build(true);
  const { wallSeconds, cpuSeconds } = build(true);
  figures.warm = { wallSeconds, ...(cpuSeconds !== undefined ? { cpuSeconds } : {}) };
  rmSync(dir, { recursive: true, force: true });
  return figures;
}
