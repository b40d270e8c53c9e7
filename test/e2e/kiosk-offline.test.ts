/**
 * A kiosk whose network drops: opened as /kiosk/?town=<id>, it keeps its town's and villages'
 * pages and the search (public/kiosk-sw.js, with the list the build writes), and keeps
 * working offline; a page it did not keep leads back to its start page.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, put } from '../helpers.ts';
import { buildAndServe, type BuiltSite } from './browser.ts';

let built: BuiltSite;
let content: string;

beforeAll(async () => {
  content = copyMini();
  put(
    content,
    'entries/v-demo-b/2026/rules-no3.md',
    ENTRY(
      `title: 乙村党支部关于调整议事规则的通知\nitem: rules-procedures\ndate: 2026-05-08\nreviewed_by: 孙某某\napproved_by: 周某某`,
      '村民代表会议每季度召开一次。',
    ),
  );
  built = await buildAndServe(content, [], { GONGKAI_CACHE_DIR: `${content}-cache` });
}, 120_000);

afterAll(async () => {
  await built?.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
});

describe('kiosk offline', () => {
  it('keeps its town’s pages and the search, and works when the network drops', async () => {
    const list = JSON.parse(readFileSync(join(built.out, 'kiosk/offline/t-demo.json'), 'utf8')) as { version: string; files: string[] };
    expect(list.files).toContain('units/v-demo-a/');
    expect(list.files).toContain('units/v-demo-b/rules-no3/');
    expect(list.files.some((f) => /^pagefind\/[^/]+\/fragment\//.test(f))).toBe(true);
    expect(list.files).not.toContain('units/cu-demo/');

    const context = await built.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${built.server.url}/kiosk/?town=t-demo`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 30_000 }).toBe(list.version);
    expect(await page.locator('[data-kiosk-offline-status]').textContent()).toContain('断网时也能查看');

    await context.setOffline(true);
    await page.goto(`${built.server.url}/units/v-demo-a/`);
    expect(await page.locator('h1').textContent()).toBe('甲村党支部');
    await page.goto(`${built.server.url}/search/?q=${encodeURIComponent('议事规则')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/找到 1 条公开内容/);
    expect(await page.locator('ol.results li > a').allTextContents()).toEqual(['乙村党支部关于调整议事规则的通知']);
    // A page this kiosk did not keep: its start page instead of the browser's error.
    await page.goto(`${built.server.url}/units/cu-demo/`);
    expect(await page.locator('h1').textContent()).toBe('示范县党务公开网');
    await context.close();
  }, 90_000);
});
