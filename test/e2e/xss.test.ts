/**
 * A corpus of XSS payloads, rendered by the entry renderer the site uses and loaded in
 * real Chromium: no script runs, no dialog opens, no request leaves the local server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEntryHtml } from '../../src/render/markdown-html.ts';
import { ROOT } from '../helpers.ts';
import { launch, serve } from './browser.ts';

let dir: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-xss-'));
  const body = renderEntryHtml(readFileSync(join(ROOT, 'test/fixtures/xss/corpus.md'), 'utf8'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>xss</title></head><body><main>${body}</main></body></html>`,
  );
  server = await serve(dir);
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('XSS corpus', () => {
  it('runs no script and sends no request off the machine', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      (window as unknown as { __ran: string[] }).__ran = [];
    });
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    // Give event-handler payloads (onerror, onload, ontoggle, autofocus) a chance to fire.
    await page.waitForTimeout(500);
    for (const link of await page.locator('a').all()) await link.click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    // What is left in the DOM: no active elements, no handlers, no script URLs.
    const dom = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const all = [...main.querySelectorAll('*')];
      return {
        tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].filter((t) =>
          ['script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'link', 'form', 'input', 'svg', 'math', 'video', 'details'].includes(t),
        ),
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        urls: all
          .flatMap((e) => ['href', 'src', 'action', 'data', 'xlink:href'].map((n) => e.getAttribute(n) ?? ''))
          .filter((u) => /^\s*(javascript|data|vbscript):|^\s*(https?:)?\/\/evil/i.test(u)),
        styles: all.filter((e) => e.hasAttribute('style')).length,
      };
    });
    expect(dom).toEqual({ tags: [], handlers: [], urls: [], styles: 0 });
    await page.close();
  }, 60_000);
});
