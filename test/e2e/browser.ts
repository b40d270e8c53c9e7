/**
 * Browser helpers for end-to-end tests: the Chromium of chromium.ts through playwright-core
 * (no browser download is possible here), and a static file server on loopback.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { cli, copyMini, ROOT } from '../helpers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** Text types a deployed server compresses (the webmaster guide's gzip_types); Pagefind's own files are gzip'd already. */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Serves `root` on loopback. `headers`, if given, adds headers to every response by the path asked
 * for (as a host applying the build's _headers file does: security-headers.test.ts); `gzip`
 * compresses text as the guide's server does.
 */
export async function serve(
  root: string,
  o: { gzip?: boolean; headers?: (path: string) => Iterable<[string, string]> } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const asked = new URL(req.url ?? '/', 'http://x').pathname;
    if (o.headers) for (const [name, value] of o.headers(asked)) res.setHeader(name, value);
    const path = normalize(decodeURIComponent(asked)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      // As a server set up by the deployment guide does: the site's own 404 page.
      const page = join(root, '404.html');
      if (existsSync(page)) createReadStream(page).pipe(res.writeHead(404, { 'content-type': TYPES['.html']! }));
      else res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // The webmaster guide's cache headers: fingerprinted styles and scripts for good, the
    // search index for an hour, pages and the service worker asked again every time.
    if (!res.hasHeader('cache-control'))
      res.setHeader(
        'cache-control',
        path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : path.includes('/pagefind/') ? 'public, max-age=3600' : 'no-cache',
      );
    if (o.gzip && COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export const launch = (): Promise<Browser> => launchChromium();

export interface BuiltSite {
  out: string;
  server: Awaited<ReturnType<typeof serve>>;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds a content folder with the real CLI into a fresh folder (under .cache/test-builds: see below); returns it. */
export function buildSite(content: string, args: string[] = [], env: Record<string, string> = {}): string {
  mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
  const out = join(mkdtempSync(join(ROOT, '.cache/test-builds/site-')), 'dist');
  const r = cli(['build', '--content', content, '--out', out, ...args], ROOT, undefined, env);
  if (r.code !== 0) throw new Error(`build failed: ${r.stdout}\n${r.stderr}`);
  return out;
}

/**
 * Builds a content folder with the real CLI, serves the output on loopback and starts
 * Chromium. Output goes under .cache/test-builds inside the project: for output folders
 * outside it, Astro keeps temporary chunks in ./.astro/, shared by concurrent builds.
 */
export async function buildAndServe(content: string, args: string[] = [], env: Record<string, string> = {}): Promise<BuiltSite> {
  const out = buildSite(content, args, env);
  const server = await serve(out);
  const browser = await launch();
  return {
    out,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(join(out, '..'), { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the mini fixture built and served for the tests of one file (before them, removed
 * after them); the getter gives the site once it is up.
 */
export function servedMini(args: string[] = ['--today', '2026-11-28']): () => BuiltSite {
  let site: BuiltSite | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = copyMini();
    site = await buildAndServe(dir, args);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => site!;
}

/** A content folder built as a live site on each of `days` (GONGKAI_CLOCK: "today" still follows the clock), each build served. */
export interface LiveSites {
  url(day: string): string;
  close(): Promise<void>;
}

export async function liveSitesByDay(content: string, days: readonly string[]): Promise<LiveSites> {
  const sites = new Map<string, { out: string; server: Awaited<ReturnType<typeof serve>> }>();
  for (const day of days) {
    const out = buildSite(content, [], { GONGKAI_TODAY: '', GONGKAI_CLOCK: day, GONGKAI_CACHE_DIR: `${content}-cache-${day}` });
    sites.set(day, { out, server: await serve(out) });
  }
  return {
    url: (day) => sites.get(day)!.server.url,
    async close() {
      for (const [day, s] of sites) {
        await s.server.close();
        rmSync(join(s.out, '..'), { recursive: true, force: true });
        rmSync(`${content}-cache-${day}`, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The visible text of pages' main part, read on `day` (Beijing, mid-morning) under the browser's
 * clock; the page scripts have run by the load event. The print files a page links
 * (data-build-files) are those its own build made — a later build's are other files — so they
 * are left out, for comparing a page read later with that day's build.
 */
export async function mainTexts(browser: Browser, siteUrl: string, paths: readonly string[], day: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.clock.setFixedTime(new Date(`${day}T10:00:00+08:00`));
  const texts: string[] = [];
  for (const path of paths) {
    await page.goto(`${siteUrl}${path}`);
    await page.evaluate(() => document.querySelectorAll('[data-build-files]').forEach((el) => el.remove()));
    texts.push(await page.locator('main').innerText());
  }
  await page.close();
  return texts;
}

/** WCAG 2.1 AA violations axe-core finds on the page as it stands, each as its rule and the elements it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}
