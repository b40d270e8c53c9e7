/**
 * Search as a reader meets it, in Chromium, on a built site: after the search code has loaded
 * once, how long a typical query takes to answer with its first page of results (the unit
 * matches and ten entries, as the search page asks), and how many bytes it moves — on a desktop,
 * and on a phone (4× CPU slowdown). Pagefind runs in the page's own thread here
 * (`noWorker`), because the slowdown reaches only that thread: a phone's figure is then the
 * whole work slowed, not a worker left at full speed.
 */
import type { Browser } from 'playwright-core';
import { pagefindQuery } from '../../src/site/search-query.ts';
import { serve } from '../../test/e2e/browser.ts';
import { launchChromium } from '../../test/e2e/chromium.ts';

export interface QueryFigure {
  query: string;
  hits: number;
  ms: number;
  kib: number;
  requests: number;
}

export interface SearchFigures {
  /** Loading Pagefind and merging the bundles, once per page. */
  loadMs: number;
  queries: QueryFigure[];
}

async function measure(browser: Browser, url: string, queries: readonly string[], throttle: number): Promise<SearchFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  context.on('requestfinished', (r) => {
    void r.sizes().then((s) => {
      bytes += s.responseBodySize + s.responseHeadersSize;
      requests++;
    });
  });
  await page.goto(`${url}/search/`);
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const loadMs = await page.evaluate(async () => {
    const t0 = performance.now();
    const { bundles } = (await (await fetch('/pagefind/bundles.json')).json()) as { bundles: { name: string }[] };
    const [first, ...rest] = bundles;
    const pf = await import(/* @vite-ignore */ `/pagefind/${first!.name}/pagefind.js`);
    await pf.options({ bundlePath: `/pagefind/${first!.name}/`, excerptLength: 36, noWorker: true });
    for (const b of rest) await pf.mergeIndex(`/pagefind/${b.name}/`);
    await pf.init();
    (window as unknown as { pf: unknown }).pf = pf;
    return performance.now() - t0;
  });
  const figures: QueryFigure[] = [];
  for (const query of queries) {
    await new Promise((r) => setTimeout(r, 200));
    const [b0, r0] = [bytes, requests];
    const [ms, hits] = await page.evaluate(async (q) => {
      const pf = (window as unknown as { pf: { search(q: string, o: object): Promise<{ results: { data(): Promise<unknown> }[] }> } }).pf;
      const t0 = performance.now();
      const [units, entries] = await Promise.all([pf.search(q, { filters: { kind: '单位' } }), pf.search(q, { filters: { kind: '条目' } })]);
      await Promise.all([...units.results.slice(0, 6), ...entries.results.slice(0, 10)].map((r) => r.data()));
      return [performance.now() - t0, entries.results.length] as const;
    }, pagefindQuery(query));
    await new Promise((r) => setTimeout(r, 200));
    figures.push({ query, hits, ms: Math.round(ms), kib: Math.round((bytes - b0) / 1024), requests: requests - r0 });
  }
  await context.close();
  return { loadMs: Math.round(loadMs), queries: figures };
}

export async function searchLatency(siteDir: string, queries: readonly string[]): Promise<{ desktop: SearchFigures; phone: SearchFigures }> {
  const server = await serve(siteDir);
  const browser = await launchChromium();
  try {
    return { desktop: await measure(browser, server.url, queries, 1), phone: await measure(browser, server.url, queries, 4) };
  } finally {
    await browser.close();
    await server.close();
  }
}
