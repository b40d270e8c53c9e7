/**
 * The hardened deploy in a real browser: the mini county built as a live site, served with
 * exactly the headers the build wrote in _headers (read as Cloudflare Pages reads it), and every
 * kind of page opened in Chromium — each must do its work (the head script's large text, the
 * sortable tables, Pagefind's WebAssembly search, the kiosk's offline service worker, the web
 * editor's form) with no Content-Security-Policy violation reported by the page or in the console.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPolicy, formatPolicy, sitePolicy } from '../../src/site/security-headers.ts';
import { copyMini, MINI } from '../helpers.ts';
import { headersFor, readHeadersFile } from '../headers-file.ts';
import { buildSite, launch, serve } from './browser.ts';
import { editorFiles, fillEntry, openPractice, saveEntry } from './editor-form.ts';

let content: string;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
/** Violations found on each kind of page, for the record printed at the end. */
const tally: Record<string, number> = {};

beforeAll(async () => {
  content = copyMini();
  // A live site (its pages' script moves dates on), as a county's nightly build makes it.
  out = buildSite(content, [], { GONGKAI_CLOCK: '2026-12-10', GONGKAI_CACHE_DIR: `${content}-cache` });
  const rules = readHeadersFile(readFileSync(join(out, '_headers'), 'utf8'));
  server = await serve(out, { headers: (path) => headersFor(rules, path).headers });
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
  console.log(`CSP violations per page type: ${JSON.stringify(tally)}`);
});

/** A browser context that records every CSP violation: the page's own events, and Chromium's console lines. */
async function watched(): Promise<{ context: BrowserContext; page: Page; violations: () => Promise<string[]> }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  return {
    context,
    page,
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...console.splice(0)],
  };
}

async function open(kind: string, path: string, works: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, violations } = await watched();
  // The reader chose large text earlier: only the hashed head script applies it before the first paint.
  await context.addInitScript(() => localStorage.setItem('gongkai-large', '1'));
  await page.goto(`${server.url}${path}`);
  await works(page);
  expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
  const found = await violations();
  tally[kind] = found.length;
  expect(found, kind).toEqual([]);
  await context.close();
}

describe('the site under its own security headers', { timeout: 90_000 }, () => {
  it('sends each area its policy, and the hardening headers everywhere', async () => {
    const site = await fetch(`${server.url}/units/v-demo-a/`);
    expect(site.headers.get('content-security-policy')).toBe(formatPolicy(sitePolicy()));
    const admin = await fetch(`${server.url}/admin/`);
    expect(admin.headers.get('content-security-policy')).toBe(formatPolicy(adminPolicy(undefined)));
    for (const r of [site, admin]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('same-origin');
      expect(r.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    }
  });

  it('home, unit, entry, catalog, years, requests, print, about: no violation', async () => {
    await open('home', '/', async (p) => expect(await p.locator('h1').count()).toBeGreaterThan(0));
    await open('unit', '/units/v-demo-a/', async (p) => expect(await p.locator('h1').textContent()).toBe('甲村党支部'));
    await open('entry', '/units/v-demo-a/dues-2026-h1/', async (p) => expect(await p.locator('h1').textContent()).toContain('党费收缴情况'));
    await open('catalog', '/catalog/', async (p) => expect(await p.locator('h1').count()).toBe(1));
    await open('catalog item', '/catalog/dues/dues-collection/', async (p) => expect(await p.locator('h1').count()).toBe(1));
    await open('years', '/years/2026/', async (p) => expect(await p.locator('h1').count()).toBe(1));
    await open('requests', '/requests/', async (p) => expect(await p.locator('.request-log li').count()).toBeGreaterThan(0));
    await open('print', '/print/', async (p) => expect(await p.locator('h1').count()).toBe(1));
    await open('about (MDX page)', '/about/', async (p) => expect(await p.locator('h1').count()).toBe(1));
  });

  it('supervision: its tables sort (a script file, no longer inline)', async () => {
    await open('supervision', '/supervision/', async (p) => {
      const th = p.locator('#units-table thead th').nth(1);
      await th.locator('.sort-button').click();
      expect(await th.getAttribute('aria-sort')).toBe('ascending');
    });
  });

  it('search with a query: Pagefind runs its WebAssembly', async () => {
    await open('search', `/search/?q=${encodeURIComponent('党费')}`, async (p) => {
      await expect.poll(() => p.locator('[data-search-status]').textContent(), { timeout: 20_000 }).toMatch(/找到 \d+ 条/);
    });
  });

  it('404: the site’s own page', async () => {
    await open('404', '/units/no-such-unit/', async (p) => expect(await p.locator('h1').textContent()).toBe('没有找到这个页面'));
  });

  it('kiosk: the offline service worker registers and keeps the town', async () => {
    await open('kiosk', '/kiosk/?town=t-demo', async (p) => {
      const list = JSON.parse(readFileSync(join(out, 'kiosk/offline/t-demo.json'), 'utf8')) as { version: string };
      await expect.poll(() => p.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 30_000 }).toBe(list.version);
    });
  });

  it('/admin/: the practice editor fills and saves an entry with a photo under the editor’s narrower policy', async () => {
    const { context, page, violations } = await watched();
    await openPractice(page, server.url, 'v-demo-a');
    await fillEntry(page, {
      item: 'contact-service',
      title: '甲村党支部第四季度联系服务群众情况',
      date: '2026-12-08',
      period: '2026-Q4',
      reviewed_by: '王某某',
      approved_by: '李某某',
      body: '本季度走访情况如下。',
      images: [{ name: '走访.jpg', bytes: readFileSync(join(MINI, 'entries/v-demo-a/2026/road-site.jpg')), alt: '走访现场' }],
    });
    expect(await saveEntry(page)).toEqual({ saved: true, errors: {} });
    expect([...(await editorFiles(page)).keys()].some((f) => f.endsWith('.jpg'))).toBe(true);
    const found = await violations();
    tally['admin (practice form)'] = found.length;
    expect(found).toEqual([]);
    await context.close();
  });
});
