/**
 * Kiosks and phones when the network drops (issue 30). A kiosk opened as /kiosk/?town=<id>
 * keeps its town's and villages' pages and the search (public/kiosk-sw.js, with the list the
 * build writes) — the whole county's search when it fits the budget — and finds offline what it
 * finds online: the words villagers type, unit names, a town filter; a result whose page it did
 * not keep says so, and opening it shows the site's own page with the way back. A kiosk of a
 * county too big for the budget searches its town offline, and says so. A phone gets the same
 * page for a page it never opened, and the pages it read from its browser's own copy.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKioskOffline, type KioskList } from '../../src/pipeline/kiosk-offline.ts';
import { copyMini, ENTRY, load, put } from '../helpers.ts';
import { buildAndServe, type BuiltSite } from './browser.ts';

let built: BuiltSite;
let content: string;
const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
const TOWN = '中共测试镇委员会';

beforeAll(async () => {
  content = copyMini();
  put(
    content,
    'entries/v-demo-b/2026/rules-no3.md',
    ENTRY(`title: 乙村党支部关于调整议事规则的通知\nitem: rules-procedures\ndate: 2026-05-08\n${SIGNED}`, '村民代表会议每季度召开一次。'),
  );
  // Outside the kiosk's town: a county unit's answer about 低保 and its dues.
  put(
    content,
    'entries/cu-demo/2026/dibao.md',
    ENTRY(
      `title: 关于低保评定的点题公开答复\nitem: topic-requests\ndate: 2026-09-10\n${SIGNED}`,
      '群众问低保评定的程序，现答复如下：低保评定经村民代表评议、公示后报批。',
    ),
  );
  put(
    content,
    'entries/cu-demo/2026/dues-h1.md',
    ENTRY(`title: 县教育局党组2026年上半年党费收缴情况\nitem: dues-collection\ndate: 2026-07-03\nperiod: 2026-H2\n${SIGNED}`, '上半年党费收缴情况如下。'),
  );
  built = await buildAndServe(content, [], { GONGKAI_CACHE_DIR: `${content}-cache` });
}, 180_000);

afterAll(async () => {
  await built?.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
});

const readList = () => JSON.parse(readFileSync(join(built.out, 'kiosk/offline/t-demo.json'), 'utf8')) as KioskList;

async function kioskKeeping(version: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await built.browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${built.server.url}/kiosk/?town=t-demo`);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 60_000 }).toBe(version);
  return { context, page };
}

/** A search as the kiosk's visitor makes it, offline; the status line once the results are in. */
async function search(page: Page, query: string, extra = ''): Promise<{ status: string; titles: string[]; unkept: string[]; units: string[] }> {
  await page.goto(`${built.server.url}/search/?q=${encodeURIComponent(query)}${extra}`);
  // Done: the whole page of results is in (data-search-done), or the page says why not (data-search-problem).
  await page.locator('[data-search-status][data-search-done], [data-search-status][data-search-problem]').waitFor({ timeout: 20_000 });
  return {
    status: (await page.locator('[data-search-status]').textContent()) ?? '',
    titles: await page.locator('ol.results li > a').allTextContents(),
    unkept: await page.locator('ol.results li:has(.unkept) > a').allTextContents(),
    units: await page.locator('.unit-hits a').allTextContents(),
  };
}

describe('a kiosk offline', () => {
  it('keeps its town’s pages and the whole county’s search, and finds offline what villagers type', async () => {
    const list = readList();
    expect(list.search).toBe('county');
    expect(list.town).toBe(TOWN);
    for (const f of ['units/v-demo-a/', 'units/v-demo-b/rules-no3/', 'offline/', 'search/', 'search/units.json']) expect(list.files).toContain(f);
    expect(list.files).not.toContain('units/cu-demo/');
    // Every result's fragment, the county unit's too: an offline search shows what an online one does.
    const fragments = list.files.filter((f) => /^pagefind\/[^/]+\/fragment\//.test(f));
    expect(fragments.length).toBe(load(content).project!.entries.filter((e) => e.data.scope !== 'party').length);

    const { context, page } = await kioskKeeping(list.version);
    expect(await page.locator('[data-kiosk-offline-status]').textContent()).toContain('全县的搜索');
    await context.setOffline(true);
    try {
      await page.goto(`${built.server.url}/units/v-demo-a/`);
      expect(await page.locator('h1').textContent()).toBe('甲村党支部');

      const dues = await search(page, '党费');
      expect(dues.status).toMatch(/^找到 [2-9] 条公开内容/);
      expect(dues.titles).toEqual(expect.arrayContaining(['甲村党支部2026年上半年党费收缴情况', '县教育局党组2026年上半年党费收缴情况']));
      // Found, but its page is not on this kiosk: it says so before it is tapped.
      expect(dues.unkept).toEqual(['县教育局党组2026年上半年党费收缴情况']);

      const dibao = await search(page, '低保');
      expect(dibao.titles).toEqual(['关于低保评定的点题公开答复']);
      expect(dibao.units).toEqual([]);

      const village = await search(page, '乙村');
      expect(village.units).toEqual(['乙村党支部']);
      expect(village.titles).toContain('乙村党支部关于调整议事规则的通知');
      expect(village.unkept).toEqual([]);

      const filtered = await search(page, '议事规则', `&town=${encodeURIComponent(TOWN)}`);
      expect(filtered.titles).toEqual(['乙村党支部关于调整议事规则的通知']);
      expect(filtered.status).not.toContain('搜索索引');

      // The page it did not keep: the site's own page, which says so and leads back.
      await page.goto(`${built.server.url}/search/?q=${encodeURIComponent('低保')}`);
      await page.getByRole('link', { name: '关于低保评定的点题公开答复' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('这个页面没有保存在本机上');
      expect(await page.locator('[data-offline-kiosk]').isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: '回到首页' }).getAttribute('href')).toBe('/kiosk/');
      await page.getByRole('link', { name: '本镇（街道）的页面' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(TOWN);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('searches its town while offline when the county’s search is larger than the budget, and says so', async () => {
    writeKioskOffline(built.out, load(content).project!, 0);
    const list = readList();
    expect(list.search).toBe('town');
    expect(list.files.filter((f) => /^pagefind\/[^/]+\/fragment\//.test(f)).length).toBe(4);
    const { context, page } = await kioskKeeping(list.version);
    expect(await page.locator('[data-kiosk-offline-status]').textContent()).toContain('搜索本镇（街道）的内容');
    await context.setOffline(true);
    try {
      const dues = await search(page, '党费');
      expect(dues.titles).toEqual(['甲村党支部2026年上半年党费收缴情况']);
      expect(dues.status).toContain(`现在断网，只搜索了${TOWN}的内容`);
    } finally {
      await context.close();
    }
  }, 180_000);
});

describe('a phone offline', () => {
  it('shows the site’s own page for a page it never opened, and a page it read from its own copy', async () => {
    const context = await built.browser.newContext({ viewport: { width: 360, height: 800 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${built.server.url}/search/`);
    await page.goto(`${built.server.url}/units/v-demo-a/`);
    // The site's worker is registered a few seconds after a page has loaded.
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
    await context.setOffline(true);
    try {
      await page.goto(`${built.server.url}/units/cu-demo/`);
      expect(await page.locator('h1').textContent()).toBe('这个页面没有保存在本机上');
      expect(await page.locator('[data-offline-phone]').textContent()).toContain('现在没有连上网络');
      expect(await page.getByRole('link', { name: '回到首页' }).getAttribute('href')).toBe('/');
      await page.goto(`${built.server.url}/units/v-demo-a/`);
      expect(await page.locator('h1').textContent()).toBe('甲村党支部');
      // Its search page (read before) says what is wrong: no network, not a missing index.
      await page.goto(`${built.server.url}/search/?q=${encodeURIComponent('党费')}`);
      await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 20_000 }).toContain('现在没有连上网络');
    } finally {
      await context.close();
    }
  }, 90_000);
});
