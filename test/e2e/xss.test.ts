/**
 * A corpus of XSS payloads in a county's content (test/fixtures/xss): `check` refuses the
 * payloads it can see (script links, remote images, code fences: fixtures/xss/refused), and
 * the rest — raw HTML, handlers, payloads in the title, the summary and the reviewer's name —
 * is built with the real CLI into a site whose pages, loaded in real Chromium, run no script,
 * open no dialog and send no request off the local server.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, GOOD_FM, load, put, ROOT, tempDirs } from '../helpers.ts';
import { buildAndServe, type BuiltSite } from './browser.ts';

const XSS = join(ROOT, 'test/fixtures/xss');
const ENTRY_PAGE = '/units/v-demo-a/xss-corpus/';
const temp = tempDirs('gongkai-xss-');
let site: BuiltSite;

beforeAll(async () => {
  const content = copyMini(temp());
  cpSync(join(XSS, 'entries'), join(content, 'entries'), { recursive: true });
  site = await buildAndServe(content, ['--today', '2026-11-28']);
}, 180_000);

afterAll(() => site?.close());

/** Loads a built page, recording dialogs, script errors and requests that leave the local server. */
async function open(path: string): Promise<{ page: Page; dialogs: string[]; outside: string[]; errors: string[] }> {
  const page = await site.browser.newPage();
  const seen = { page, dialogs: [] as string[], outside: [] as string[], errors: [] as string[] };
  page.on('dialog', async (d) => {
    seen.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site.server.url) && !r.url().startsWith('data:')) seen.outside.push(r.url());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  // After the load event every image has loaded or failed: an onerror/onload payload would have run.
  const res = await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  return seen;
}

/** What is left in the page that could run: handlers, script URLs anywhere; active elements or styles within `scope`. */
function activeParts(page: Page, scope: string) {
  return page.evaluate((scope) => {
    const all = [...document.querySelectorAll('*')];
    const inScope = [...document.querySelectorAll(`${scope} *`)];
    return {
      tags: [...new Set(inScope.map((e) => e.tagName.toLowerCase()))].filter((t) =>
        ['script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'link', 'form', 'input', 'svg', 'math', 'video', 'details', 'noscript'].includes(t),
      ),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`)),
      urls: all
        .flatMap((e) => ['href', 'src', 'action', 'data', 'xlink:href', 'formaction'].map((n) => e.getAttribute(n) ?? ''))
        .filter((u) => /^\s*(javascript|data|vbscript):|^\s*(https?:)?\/\/evil/i.test(u)),
      styles: inScope.filter((e) => e.hasAttribute('style')).length,
    };
  }, scope);
}

describe('XSS corpus', () => {
  it('is refused by check where a payload is a link, an image or a code block', () => {
    const content = copyMini(temp());
    const cases = readdirSync(join(XSS, 'refused')).filter((f) => f.endsWith('.md'));
    expect(cases.length).toBeGreaterThan(5);
    for (const f of cases) put(content, `entries/v-demo-a/2026/xss-${f}`, ENTRY(GOOD_FM, readFileSync(join(XSS, 'refused', f), 'utf8')));
    const { diagnostics } = load(content);
    // Refused for what the payload is, not for anything else about the entry.
    const refused = new Set(
      diagnostics.filter((d) => d.severity === 'error' && ['unsafe-link', 'remote-image', 'code-block'].includes(d.code)).map((d) => d.file),
    );
    expect(cases.filter((f) => ![...refused].some((file) => file.endsWith(`/xss-${f}`)))).toEqual([]);
  });

  it('runs no script and sends no request off the machine from the entry page', async () => {
    const { page, dialogs, outside, errors } = await open(ENTRY_PAGE);
    // Follow every link of the body; a round trip into the page after them lets anything they started finish.
    for (const link of await page.locator('article .body a').all()) await link.click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => {});
    await page.evaluate(() => document.readyState);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    expect(page.url()).toBe(`${site.server.url}${ENTRY_PAGE}`);
    expect(await activeParts(page, 'article .body')).toEqual({ tags: [], handlers: [], urls: [], styles: 0 });
    // The payloads in the front matter are shown as text.
    expect(await page.locator('h1').evaluate((h) => [h.children.length, h.textContent])).toEqual([
      0,
      "XSS语料<script>alert('title')</script><img src=x onerror=alert('title-img')>",
    ]);
    expect(await page.locator('dl.meta').innerText()).toContain("<b onmouseover=alert('reviewer')>王某某</b>");
    await page.close();
  }, 60_000);

  it('shows the payloads of the title and the summary as text in the lists', async () => {
    for (const path of ['/', '/units/v-demo-a/', '/years/2026/']) {
      const { page, dialogs, outside, errors } = await open(path);
      expect(await page.locator('main').innerText(), path).toContain("XSS语料<script>alert('title')</script>");
      expect([dialogs, outside, errors], path).toEqual([[], [], []]);
      expect(await activeParts(page, 'main'), path).toMatchObject({ handlers: [], urls: [] });
      await page.close();
    }
  }, 60_000);
});
