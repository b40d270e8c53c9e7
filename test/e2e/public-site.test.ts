/**
 * The public site in real Chromium, built from a copy of the mini fixture with entries that
 * exercise search: Chinese words, digit+Han queries, filters across town bundles; kiosk
 * mode and its idle return; axe-core on every kind of page; large text; 360 px; feeds.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, put, ROOT } from '../helpers.ts';
import { buildAndServe, type BuiltSite, type serve } from './browser.ts';

let built: BuiltSite;
let content: string;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const outside: string[] = [];

beforeAll(async () => {
  content = copyMini();
  put(
    content,
    'entries/v-demo-b/2026/rules-no3.md',
    ENTRY(
      `title: 乙村党支部关于调整议事规则的通知
item: rules-procedures
date: 2026-05-08
reviewed_by: 孙某某
approved_by: 周某某`,
      '乙党发〔2026〕第3号。村民代表会议每季度召开一次，遇有重大事项随时召开。',
    ),
  );
  put(
    content,
    'entries/cu-demo/2025/rules-no12.md',
    ENTRY(
      `title: 教育局党组议事规则
item: rules-procedures
date: 2025-04-01
reviewed_by: 吴某某
approved_by: 郑某某`,
      '教党组发〔2025〕第12号。2025年修订，党组会议由书记召集。',
    ),
  );
  const site = readFileSync(join(content, 'site.yaml'), 'utf8');
  put(content, 'site.yaml', site.replace('  max_entry_kb: 512', '  max_entry_kb: 512\n  kiosk_idle_seconds: 2'));
  built = await buildAndServe(content, [], { GONGKAI_CACHE_DIR: `${content}-cache` });
  ({ out, server, browser } = built);
}, 120_000);

afterAll(async () => {
  await built?.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
  expect(outside).toEqual([]);
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url)) outside.push(req.url());
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

async function searchTitles(query: string, extra = ''): Promise<string[]> {
  const page = await open(`/search/?q=${encodeURIComponent(query)}${extra}`);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/找到|没有找到/);
  const titles = await page.locator('ol.results li > a').allTextContents();
  await page.close();
  return titles.sort();
}

describe('search', () => {
  it('finds an entry by a Chinese word', async () => {
    expect(await searchTitles('党费')).toEqual(['甲村党支部2026年上半年党费收缴情况']);
  }, 30_000);

  it('finds the right page for digit+Han queries (第3号, 2025年), where raw Pagefind returns wrong pages', async () => {
    expect(await searchTitles('第3号')).toEqual(['乙村党支部关于调整议事规则的通知']);
    expect(await searchTitles('第１２号')).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('2025年')).toEqual(['教育局党组议事规则']);
    // The control: raw Pagefind over the same merged bundles, spaced or not, also returns
    // the 第12号 / 2026 pages (it drops query words an index lacks), which the page filters out.
    const page = await open('/search/');
    const raw = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/county/pagefind.js');
      await pf.options({ bundlePath: '/pagefind/county/' });
      await pf.mergeIndex('/pagefind/town-t-demo/');
      const out = {};
      for (const q of ['第3号', '第 3 号', '2025年']) {
        const r = await pf.search(q, {});
        out[q] = await Promise.all(r.results.map(async (x) => (await x.data()).meta.title));
      }
      return out;
    })()`)) as Record<string, string[]>;
    expect(raw['第3号']).toContain('教育局党组议事规则');
    expect(raw['第 3 号']).toContain('教育局党组议事规则');
    expect(raw['2025年']).toContain('甲村党支部2026年上半年党费收缴情况');
    await page.close();
  }, 60_000);

  it('filters by town (one bundle), aspect and year', async () => {
    expect(await searchTitles('议事规则')).toEqual(['乙村党支部关于调整议事规则的通知', '教育局党组议事规则']);
    expect(await searchTitles('议事规则', `&town=${encodeURIComponent('中共测试镇委员会')}`)).toEqual(['乙村党支部关于调整议事规则的通知']);
    expect(await searchTitles('议事规则', `&town=${encodeURIComponent('县直')}`)).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('议事规则', '&year=2025')).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('', `&unit=${encodeURIComponent('甲村党支部')}`)).toHaveLength(2);
    expect(await searchTitles('议事规则', `&aspect=${encodeURIComponent('组织设置')}`)).toHaveLength(2);
    expect(await searchTitles('议事规则', `&aspect=${encodeURIComponent('党费收缴使用')}`)).toEqual([]);
  }, 60_000);

  it('keeps party-scope entries out of the index', async () => {
    expect(await searchTitles('SENTINEL')).toEqual([]);
  }, 30_000);
});

describe('kiosk', () => {
  it('has large targets, no external links, and returns to its start page when idle', async () => {
    const page = await open('/kiosk/', 360);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(true);
    await page.getByRole('link', { name: '中共测试镇委员会' }).first().click();
    await page.waitForURL(/\/units\/t-demo\/$/);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, input, select')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ text: el.textContent?.trim(), h: el.getBoundingClientRect().height }))
        .filter((r) => r.h < 48),
    );
    expect(small).toEqual([]);
    const external = await page.evaluate(() =>
      [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith(location.origin)),
    );
    expect(external).toEqual([]);
    await page.waitForURL(/\/kiosk\/$/, { timeout: 6_000 });
    await page.close();
  }, 30_000);
});

describe('accessibility', () => {
  const pages = ['/', '/units/', '/units/v-demo-a/', '/units/v-demo-a/road-deliberation/', '/search/?q=%E5%85%9A%E8%B4%B9', '/kiosk/', '/catalog/', '/print/'];
  for (const path of pages) {
    it(`axe reports no WCAG 2.1 AA violations on ${path}`, async () => {
      const page = await open(path);
      if (path.startsWith('/search/')) await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/找到/);
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      expect(violations).toEqual([]);
      await page.close();
    }, 30_000);
  }

  it('is keyboard navigable from a skip link, has a large-text switch that persists, and fits 360 px', async () => {
    const page = await open('/units/v-demo-a/road-deliberation/', 360);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    await page.getByRole('button', { name: '大字' }).click();
    expect(await size()).toBeGreaterThan(before);
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await size()).toBeGreaterThan(before);
    for (const path of ['/', '/units/v-demo-a/', '/units/v-demo-a/road-deliberation/', '/search/?q=x']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await page.close();
  }, 30_000);
});

describe('feeds and sitemap', () => {
  it('lists public entries in Atom feeds and the sitemap, never party ones', () => {
    const county = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(county).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(county).toContain('乙村党支部关于调整议事规则的通知');
    const unit = readFileSync(join(out, 'units/v-demo-a/feed.xml'), 'utf8');
    expect(unit).toContain('https://dwgk.shifan.example.cn/units/v-demo-a/road-deliberation/');
    expect(unit).not.toContain('乙村');
    const map = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    expect(map).toContain('<loc>https://dwgk.shifan.example.cn/units/cu-demo/rules-no12/</loc>');
    for (const text of [county, unit, map]) {
      expect(text).not.toContain('sanhui-2026-10');
      expect(text).not.toContain('SENTINEL');
    }
  });
});
