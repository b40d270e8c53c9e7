/**
 * Search as a villager meets it, in Chromium, on a built site served by a real static server
 * (static-server.ts: nginx as the webmaster guide deploys it): the first query — from the
 * search page's navigation start, with a cold browser cache, to the first results painted — and
 * a later query on the same page (typed into the box, to its results painted), with the bytes
 * and requests each moved. Two profiles: a desktop, and a phone (360×800, CPU 4× slower through
 * CDP Emulation.setCPUThrottlingRate, 150 ms latency and 1.6 Mbit/s through
 * Network.emulateNetworkConditions). Each query opens a fresh browser context, so every first
 * query starts cold; the later query is the next one in the list, on the same page.
 *
 * "Painted" is read from the page without any code of ours in it: a MutationObserver added
 * before the page loads notes when the search status gets its `data-search-ms` (set once the
 * first screenful of results is in the page: search.ts FIRST_PAINT) and takes the time after the
 * next frame; likewise `data-search-done` (all ten, the unit tiles, the pager and the status), reported beside it.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/chromium.ts';
import { startStaticServer } from './static-server.ts';
import { median } from './targets.ts';

export interface Profile {
  name: 'desktop' | 'phone';
  label: string;
  viewport: { width: number; height: number };
  mobile: boolean;
  cpu: number;
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  /** Targets of issue 30, in milliseconds. */
  targets: { first: number; later: number };
}

export const PROFILES: Profile[] = [
  {
    name: 'desktop',
    label: '台式机（1920×1080，不限速）',
    viewport: { width: 1920, height: 1080 },
    mobile: false,
    cpu: 1,
    targets: { first: 1000, later: 300 },
  },
  {
    name: 'phone',
    label: '手机（360×800，CPU 慢 4 倍，延迟 150 毫秒，1.6 Mbit/s）',
    viewport: { width: 360, height: 800 },
    mobile: true,
    cpu: 4,
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
    targets: { first: 2000, later: 1000 },
  },
];

/** The first query's bytes: at most this many KiB (issue 30). */
export const FIRST_QUERY_KIB = 300;

export interface QueryRun {
  query: string;
  /** Navigation start → first results painted. */
  firstMs: number;
  /** Navigation start → the whole first page of results painted. */
  firstDoneMs: number;
  firstKib: number;
  firstRequests: number;
  /** The next query typed on the same page: submit → results painted. */
  later?: { query: string; ms: number; kib: number; requests: number };
  /** What the villager saw: the status line, the unit tiles and the first five titles. */
  status: string;
  units: string[];
  titles: string[];
  /** How far down the first result's link ends (CSS px), to compare with the screen's height. */
  firstResultBottom?: number;
  error?: string;
}

export interface ProfileFigures {
  profile: Profile['name'];
  label: string;
  runs: QueryRun[];
  firstMedianMs: number;
  firstDoneMedianMs: number;
  laterMedianMs: number;
  firstMedianKib: number;
  firstMaxKib: number;
}

export interface SearchFigures {
  server: string;
  /** The machine's one-minute load average before and after, and its cores: on a shared machine the phone's 4× CPU slowdown comes on top of the others' work. */
  load: { before: number; after: number; cores: number };
  profiles: ProfileFigures[];
}

interface Transfer {
  start: number;
  bytes: number;
}

async function newPage(browser: Browser, p: Profile): Promise<{ context: BrowserContext; page: Page; transfers: Transfer[] }> {
  const context = await browser.newContext({
    viewport: p.viewport,
    isMobile: p.mobile,
    hasTouch: p.mobile,
    deviceScaleFactor: p.mobile ? 2 : 1,
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
  });
  const transfers: Transfer[] = [];
  context.on('requestfinished', (r) => {
    const start = r.timing().startTime;
    // (A request still running when the context closes has no sizes: it is after the measurement.)
    r.sizes().then(
      (s) => transfers.push({ start, bytes: s.responseBodySize + s.responseHeadersSize }),
      () => undefined,
    );
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __gkPainted: number[]; __gkDone: number[] };
    w.__gkPainted = [];
    w.__gkDone = [];
    const after = (list: number[]) => requestAnimationFrame(() => setTimeout(() => list.push(performance.now()), 0));
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.attributeName === 'data-search-ms' && (r.target as Element).hasAttribute('data-search-ms')) after(w.__gkPainted);
        if (r.attributeName === 'data-search-done' && (r.target as Element).hasAttribute('data-search-done')) after(w.__gkDone);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-search-ms', 'data-search-done'] });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (p.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
  if (p.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...p.network });
  }
  return { context, page, transfers };
}

const painted = (page: Page, n: number) =>
  page.waitForFunction(
    (k) => {
      const w = window as unknown as { __gkPainted: number[]; __gkDone: number[] };
      return w.__gkPainted.length >= k && w.__gkDone.length >= k;
    },
    n,
    { timeout: 60_000, polling: 50 },
  );

async function seen(page: Page) {
  return page.evaluate(() => {
    const first = document.querySelector('ol.results li > a');
    return {
      status: document.querySelector('[data-search-status]')?.textContent?.trim() ?? '',
      units: [...document.querySelectorAll('[data-search-units] a')].map((a) => a.textContent?.trim() ?? ''),
      titles: [...document.querySelectorAll('ol.results li > a')].slice(0, 5).map((a) => a.textContent?.trim() ?? ''),
      firstResultBottom: first ? Math.round(first.getBoundingClientRect().bottom + scrollY) : undefined,
    };
  });
}

const kib = (list: Transfer[]) => Math.round(list.reduce((n, t) => n + t.bytes, 0) / 1024);

async function run(browser: Browser, url: string, p: Profile, query: string, next: string | undefined): Promise<QueryRun> {
  const { context, page, transfers } = await newPage(browser, p);
  try {
    await page.goto(`${url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    await painted(page, 1);
    await new Promise((r) => setTimeout(r, 300)); // the last sizes arrive
    const [firstMs, firstDoneMs, origin] = await page.evaluate(() => {
      const w = window as unknown as { __gkPainted: number[]; __gkDone: number[] };
      return [w.__gkPainted[0]!, w.__gkDone[0]!, performance.timeOrigin];
    });
    const paintAt = origin + firstMs;
    const before = transfers.filter((t) => t.start <= paintAt);
    const result: QueryRun = {
      query,
      firstMs: Math.round(firstMs),
      firstDoneMs: Math.round(firstDoneMs),
      firstKib: kib(before),
      firstRequests: before.length,
      ...(await seen(page)),
    };
    if (next) {
      const mark = transfers.length;
      const t0 = await page.evaluate((q) => {
        const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
        (form.elements.namedItem('q') as HTMLInputElement).value = q;
        const t = performance.now();
        form.requestSubmit();
        return t;
      }, next);
      await painted(page, 2);
      await new Promise((r) => setTimeout(r, 300));
      const t1 = await page.evaluate(() => (window as unknown as { __gkPainted: number[] }).__gkPainted[1]!);
      const later = transfers.slice(mark);
      result.later = { query: next, ms: Math.round(t1 - t0), kib: kib(later), requests: later.length };
    }
    return result;
  } catch (e) {
    const text = await page
      .locator('[data-search-status]')
      .textContent()
      .catch(() => '');
    return {
      query,
      firstMs: NaN,
      firstDoneMs: NaN,
      firstKib: kib(transfers),
      firstRequests: transfers.length,
      status: text ?? '',
      units: [],
      titles: [],
      error: String(e).split('\n')[0],
    };
  } finally {
    await context.close();
  }
}

export async function searchLatency(siteDir: string, queries: readonly string[], profiles: readonly Profile[] = PROFILES): Promise<SearchFigures> {
  const server = await startStaticServer(siteDir);
  const browser = await launchChromium();
  const before = loadavg()[0]!;
  try {
    const out: ProfileFigures[] = [];
    for (const p of profiles) {
      const runs: QueryRun[] = [];
      for (const [i, q] of queries.entries()) runs.push(await run(browser, server.url, p, q, queries[(i + 1) % queries.length]));
      const ok = runs.filter((r) => !r.error);
      out.push({
        profile: p.name,
        label: p.label,
        runs,
        firstMedianMs: median(ok.map((r) => r.firstMs)),
        firstDoneMedianMs: median(ok.map((r) => r.firstDoneMs)),
        laterMedianMs: median(ok.flatMap((r) => (r.later ? [r.later.ms] : []))),
        firstMedianKib: median(ok.map((r) => r.firstKib)),
        firstMaxKib: Math.max(...ok.map((r) => r.firstKib)),
      });
    }
    return { server: server.label, load: { before, after: loadavg()[0]!, cores: cpus().length }, profiles: out };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The bench's report: per profile, each query's figures and what came first, then the medians against the targets. */
export function searchReport(f: SearchFigures): string {
  const load = (n: number) => n.toFixed(1);
  const rows: string[] = [
    `服务器：${f.server}`,
    `机器负载（1 分钟平均）：开始 ${load(f.load.before)}，结束 ${load(f.load.after)}（${f.load.cores} 核；高于核数时其他程序在争用 CPU，手机的数字偏大）`,
  ];
  for (const p of f.profiles) {
    const profile = PROFILES.find((x) => x.name === p.profile)!;
    rows.push(`\n【搜索】${p.label}`);
    for (const r of p.runs) {
      if (r.error) {
        rows.push(`  ${r.query}：出错（${r.status || r.error}）`);
        continue;
      }
      const later = r.later ? `；接着搜“${r.later.query}” ${r.later.ms} 毫秒 ${r.later.kib} KiB ${r.later.requests} 个请求` : '';
      rows.push(`  ${r.query}：第一次 ${r.firstMs} 毫秒（整页 ${r.firstDoneMs} 毫秒） ${r.firstKib} KiB ${r.firstRequests} 个请求${later}`);
      rows.push(
        `    ${r.status}${r.units.length ? ` 单位：${r.units.join('、')}` : ''}${r.titles.length ? ` 前几条：${r.titles.slice(0, 3).join(' | ')}` : ''}`,
      );
      if (r.firstResultBottom !== undefined) rows.push(`    第一条结果的底边在 ${r.firstResultBottom} px（屏幕高 ${profile.viewport.height} px）`);
    }
    const mark = (v: number, t: number) => (v <= t ? '✓' : '✗');
    rows.push(
      `  ${mark(p.firstMedianMs, profile.targets.first)} 第一次搜索中位数 ${p.firstMedianMs} 毫秒（目标 ≤ ${profile.targets.first}；整页十条 ${p.firstDoneMedianMs} 毫秒）；` +
        `${mark(p.laterMedianMs, profile.targets.later)} 之后的搜索中位数 ${p.laterMedianMs} 毫秒（目标 ≤ ${profile.targets.later}）；` +
        `${mark(p.firstMaxKib, FIRST_QUERY_KIB)} 第一次搜索传输中位数 ${p.firstMedianKib} KiB，最多 ${p.firstMaxKib} KiB（目标 ≤ ${FIRST_QUERY_KIB}）`,
    );
  }
  return rows.join('\n');
}
