/**
 * The public site in real Chromium, as a villager, a kiosk and a search engine meet it: built
 * from a copy of the mini fixture with entries that exercise search (Chinese words, digit+Han
 * queries, a dozen results to page through), a running 公示 and a wide table. Two taps from
 * home to a village's board on a 360×800 phone; search with unit matches first, exact counts,
 * paging, filters and date order; 我要点题; dates that say when; phones, large text and line
 * length; kiosk mode; axe-core on every kind of page; feeds, sitemap and robots.txt.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, put } from '../helpers.ts';
import { axeViolations, buildAndServe, type BuiltSite, type serve } from './browser.ts';

let built: BuiltSite;
let content: string;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const outside: string[] = [];
const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';

beforeAll(async () => {
  content = copyMini();
  put(
    content,
    'entries/v-demo-b/2026/rules-no3.md',
    ENTRY(
      `title: 乙村党支部关于调整议事规则的通知\nitem: rules-procedures\ndate: 2026-05-08\n${SIGNED}`,
      '乙党发〔2026〕第3号。村民代表会议每季度召开一次，遇有重大事项随时召开。',
    ),
  );
  put(
    content,
    'entries/cu-demo/2025/rules-no12.md',
    ENTRY(`title: 教育局党组议事规则\nitem: rules-procedures\ndate: 2025-04-01\n${SIGNED}`, '教党组发〔2025〕第12号。2025年修订，党组会议由书记召集。'),
  );
  // A dozen results to page through, each dated a day apart.
  for (let i = 1; i <= 12; i++) {
    const day = String(i).padStart(2, '0');
    put(
      content,
      `entries/v-demo-b/2026/meeting-${day}.md`,
      ENTRY(
        `title: 乙村党支部例会纪要（第${i}次）\nitem: topic-requests\ndate: 2026-06-${day}\n${SIGNED}`,
        `第${i}次例会纪要：研究村务公开栏更新和党员学习安排。`,
      ),
    );
  }
  // A notice running on the build's "today" (2026-11-28): first on the village's page.
  put(
    content,
    'entries/v-demo-a/2026/recruit-notice.md',
    ENTRY(
      `title: 甲村党支部拟接收预备党员公示\nitem: recruitment-publicity\ndate: 2026-11-25\nnotice: { start: 2026-11-25, days: 5 }\n${SIGNED}\nsummary: 拟接收预备党员1名`,
      '拟接收张某某为预备党员。',
    ),
  );
  // A title naming the half-year it reports on, published for the next (the period rule).
  put(
    content,
    'entries/v-demo-b/2026/dues-h1.md',
    ENTRY(`title: 乙村党支部2026年上半年党费收缴情况\nitem: dues-collection\ndate: 2026-07-05\nperiod: 2026-H2\n${SIGNED}`, '上半年党费收缴情况如下。'),
  );
  // A big town: 60 villages, more than a phone's screen holds.
  const surnames = '安白柏包鲍毕边卜蔡曹岑柴常陈成程池崔戴邓丁董杜段樊范方房费冯符傅甘高葛耿龚古顾关管郭韩郝何贺洪侯胡华黄霍姬纪季贾江姜蒋金';
  put(
    content,
    'units.yaml',
    readFileSync(join(content, 'units.yaml'), 'utf8') +
      `\n- id: t-big\n  name: 大湾镇\n  kind: town\n  parent: county\n  maintainers: ['@t-big']\n` +
      [...surnames.slice(0, 60)].map((c, i) => `- id: v-big-${i}\n  name: ${c}家坪村\n  kind: village\n  parent: t-big\n  maintainers: ['@t-big']\n`).join(''),
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

async function open(path: string, width = 1280, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url)) outside.push(req.url());
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

const searched = (page: Page) => expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/找到|没有找到/);

async function searchTitles(query: string, extra = ''): Promise<string[]> {
  const page = await open(`/search/?q=${encodeURIComponent(query)}${extra}`);
  await searched(page);
  const titles = await page.locator('ol.results li > a').allTextContents();
  await page.close();
  return titles.sort();
}

describe('two taps from home to a village’s board, on a 360×800 phone', () => {
  it('finds the town on the first screen, the village within one more, and the running 公示 first on its page', async () => {
    const page = await open('/', 360, 800);
    const town = page.locator('nav.towns').getByRole('link', { name: '测试镇' });
    expect((await town.boundingBox())!.y + (await town.boundingBox())!.height).toBeLessThanOrEqual(800);
    await town.click();
    await page.waitForURL(/\/units\/t-demo\/$/);
    const village = page.locator('nav.subs').getByRole('link', { name: '甲村党支部' });
    const box = (await village.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1600);
    await village.click();
    await page.waitForURL(/\/units\/v-demo-a\/$/);
    const board = page.getByRole('heading', { name: '公开栏上现在的内容' });
    expect((await board.boundingBox())!.y).toBeLessThan(800);
    const first = page.locator('#board-now ~ section, #board-now + p ~ section').first();
    expect(await first.locator('h3').textContent()).toBe('正在公示');
    expect(await first.textContent()).toContain('拟接收预备党员1名');
    expect(await first.textContent()).toContain('公示中，还剩2个工作日');
    await page.close();
  }, 30_000);
});

describe('search', () => {
  it('finds an entry by a Chinese word, and a unit by its name first', async () => {
    // Best match first: the dues entries (the fixture has one of each village).
    const dues = await open(`/search/?q=${encodeURIComponent('党费')}`);
    await searched(dues);
    expect(await dues.locator('ol.results li > a').first().textContent()).toMatch(/^[甲乙]村党支部2026年上半年党费收缴情况$/);
    await dues.close();
    const page = await open(`/search/?q=${encodeURIComponent('乙村')}`);
    await searched(page);
    expect(await page.locator('.unit-hits a').allTextContents()).toEqual(['乙村党支部']);
    expect(await page.locator('.unit-hits a').first().getAttribute('href')).toBe('/units/v-demo-b/');
    await page.close();
  }, 30_000);

  it('finds the right page for digit+Han queries (第3号, 2025年), where raw Pagefind returns wrong pages', async () => {
    expect(await searchTitles('第3号')).toEqual(['乙村党支部关于调整议事规则的通知']);
    expect(await searchTitles('第１２号')).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('2025年')).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('第1号')).toEqual([]);
    // The control: raw Pagefind over the same bundles, unquoted, matches 第1号 to 第12号 (a bare number is a prefix).
    const page = await open('/search/');
    const raw = (await page.evaluate(`(async () => {
      const bundles = document.querySelector('[data-search-bundles]').dataset.searchBundles.split(' ');
      const pf = await import('/pagefind/' + bundles[0] + '/pagefind.js');
      await pf.options({ basePath: '/pagefind/' + bundles[0] + '/', noWorker: true });
      for (const b of bundles.slice(1)) await pf.mergeIndex('/pagefind/' + b + '/');
      const r = await pf.search('第1号');
      return Promise.all(r.results.map(async (x) => (await x.data()).meta.title));
    })()`)) as string[];
    expect(raw).toContain('教育局党组议事规则');
    await page.close();
  }, 60_000);

  it('asks for the first query’s index chunks with the page, and Pagefind reads those, each fetched once', async () => {
    const page = await browser.newPage();
    const chunks: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('.pf_index')) chunks.push(new URL(req.url()).pathname);
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('党费 例会')}`);
    await searched(page);
    const preloaded = await page
      .locator('link[rel="preload"][href$=".pf_index"]')
      .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(preloaded.length).toBeGreaterThan(0);
    expect([...chunks].sort()).toEqual([...preloaded].sort());
    await page.close();
  }, 30_000);

  it('counts exactly, pages through results in place, and orders by date on request', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('例会纪要')}`);
    await searched(page);
    expect(await page.locator('[data-search-status]').textContent()).toBe('找到 12 条公开内容，这是第 1–10 条。');
    expect(await page.locator('ol.results > li').count()).toBe(10);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe('找到 12 条公开内容，这是第 11–12 条。');
    expect(await page.locator('ol.results > li').count()).toBe(2);
    expect(page.url()).toContain('page=2');
    // The page did not reload: Pagefind and what it fetched stayed loaded.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    // Snippets are the entry's text, never the index's filter values.
    for (const ex of await page.locator('ol.results li > p:last-child').allTextContents()) {
      expect(ex).toContain('例会纪要');
      expect(ex).not.toMatch(/中共测试镇委员会|乙村党支部2026/);
    }
    await page.close();
    const byDate = await open(`/search/?q=${encodeURIComponent('例会纪要')}&sort=date`);
    await searched(byDate);
    expect((await byDate.locator('ol.results li > a').allTextContents()).slice(0, 3)).toEqual([
      '乙村党支部例会纪要（第12次）',
      '乙村党支部例会纪要（第11次）',
      '乙村党支部例会纪要（第10次）',
    ]);
    await byDate.close();
  }, 60_000);

  it('filters by town, unit, item, aspect and year', async () => {
    expect(await searchTitles('议事规则')).toEqual(['乙村党支部关于调整议事规则的通知', '教育局党组议事规则']);
    expect(await searchTitles('议事规则', `&town=${encodeURIComponent('中共测试镇委员会')}`)).toEqual(['乙村党支部关于调整议事规则的通知']);
    expect(await searchTitles('议事规则', `&town=${encodeURIComponent('县直')}`)).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('议事规则', '&year=2025')).toEqual(['教育局党组议事规则']);
    expect(await searchTitles('', `&unit=${encodeURIComponent('甲村党支部')}`)).toHaveLength(3);
    expect(await searchTitles('议事规则', `&item=${encodeURIComponent('议事规则和决策程序')}`)).toHaveLength(2);
    expect(await searchTitles('议事规则', `&aspect=${encodeURIComponent('党费收缴使用')}`)).toEqual([]);
  }, 60_000);

  it('fetches the first search’s files while a query is typed on the home page', async () => {
    const page = await open('/', 360, 800);
    const fetched: string[] = [];
    page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
    expect(fetched.filter((f) => f.includes('/pagefind/'))).toEqual([]);
    await page.locator('form[data-search-form] input[type="search"]').focus();
    await expect.poll(() => fetched.filter((f) => f.includes('/pagefind/')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    for (const file of [
      /^\/pagefind\/[^/]+\/pagefind\.js$/,
      /^\/pagefind\/[^/]+\/wasm\.unknown\.pagefind$/,
      /^\/pagefind\/[^/]+\/pagefind\.zh-cn_[0-9a-f]+\.pf_meta$/,
    ])
      expect(
        fetched.some((f) => file.test(f)),
        String(file),
      ).toBe(true);
    await page.close();
  }, 30_000);

  it('keeps party-scope entries out of the index', async () => {
    expect(await searchTitles('SENTINEL')).toEqual([]);
  }, 30_000);
});

describe('我要点题', () => {
  it('is on the home page, every unit page and the kiosk, with the unit’s own channels and no web form the county does not run', async () => {
    for (const [path, texts] of [
      ['/', ['我要点题', '3 个工作日内', '监督电话']],
      ['/units/v-demo-a/', ['我要点题', '0000-6100002', '测试镇甲村村委会（周一至周五 8:30-17:30）', '3 个工作日内']],
      ['/kiosk/', ['我要点题', '监督电话']],
    ] as const) {
      const page = await open(path);
      const box = page.locator('section.ask');
      await expect.poll(() => box.count()).toBe(1);
      for (const t of texts) expect(await box.textContent(), `${path}: ${t}`).toContain(t);
      expect(await box.textContent()).not.toContain('网上点题');
      await page.close();
    }
    const home = await open('/', 360, 800);
    await home.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我要点题' }).click();
    await expect.poll(() => home.evaluate(() => location.hash)).toBe('#ask-title');
    await home.close();
  }, 30_000);
});

describe('点题 channels', () => {
  it('names only the channels this county runs: no website where there is no form', () => {
    const requests = readFileSync(join(out, 'requests/index.html'), 'utf8');
    expect(requests).toContain('党员群众可以通过意见箱、电话、当面提出、党员大会等方式点题');
    expect(requests).not.toMatch(/通过[^。]*网站/);
  });
});

describe('dates a page can be trusted on', () => {
  it('says on every page which day its content is of', async () => {
    const page = await open('/units/v-demo-a/');
    expect(await page.locator('footer .generated').textContent()).toBe('本页内容截至2026年11月28日');
    // Built for a given day (GONGKAI_TODAY), the site does not follow the clock: it says so first.
    expect(await page.locator('main > .frozen-note').textContent()).toMatch(/^本站按指定日期生成：日期停在2026年11月28日。.*不随时间变化。$/);
    await page.close();
  }, 30_000);

  it('recounts a 公示’s days in the browser on the day it is read, when the build followed the clock', async () => {
    const page = await browser.newPage();
    // The same page as a live site's build would make it (its "today" from the clock), read on 2 December.
    await page.route(`${server.url}/units/v-demo-a/`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).replace('data-today-source="env"', 'data-today-source="clock"') });
    });
    await page.clock.setFixedTime(new Date('2026-12-02T10:00:00+08:00'));
    await page.goto(`${server.url}/units/v-demo-a/`);
    await expect.poll(() => page.locator('[data-notice] [data-notice-status]').first().textContent()).toBe('公示已结束');
    await page.clock.setFixedTime(new Date('2026-11-30T10:00:00+08:00'));
    await page.reload();
    await expect.poll(() => page.locator('[data-notice] [data-notice-status]').first().textContent()).toBe('公示中，还剩2个工作日');
    await page.close();
  }, 30_000);
});

describe('phones, large text and line length', () => {
  it('keeps tables readable at 360 px: scrolled in their box, with a hint, never squeezed', async () => {
    const page = await open('/units/v-demo-a/dues-2026-h1/', 360, 800);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const cells = await page.locator('.table-scroll td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
    expect(Math.min(...cells)).toBeGreaterThan(50);
    await page.close();
  }, 30_000);

  it('gives large text of at least 24 px to every text on the page, keeps the header short and its words whole, and fits 360 px', async () => {
    const page = await open('/', 360, 800);
    await page.getByRole('button', { name: '大字' }).click();
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(24);
    for (const path of [
      '/',
      '/units/t-demo/',
      '/units/v-demo-a/',
      '/units/v-demo-a/road-deliberation/',
      '/units/v-demo-b/dues-h1/',
      '/search/?q=x',
      '/requests/',
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      // Every visible piece of text — dates, meta lines, the countdown, labels, the nav, the footer — at the body's size or more.
      const small = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent!.trim() || !el.checkVisibility() || el.closest('.skip, .visually-hidden')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 23.9) out.push(`${size}px ${el.tagName.toLowerCase()}.${el.className}: ${n.textContent!.trim().slice(0, 20)}`);
        }
        return out;
      });
      expect(small, path).toEqual([]);
      expect((await page.locator('header.site').boundingBox())!.height, path).toBeLessThanOrEqual(170);
      // Each navigation link and the site's name sit on one line each: no word broken.
      const tall = await page.evaluate(() =>
        [...document.querySelectorAll('header.site nav a, header.site .brand')]
          .filter((el) => el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight) * 1.5 + 24)
          .map((el) => el.textContent),
      );
      expect(tall, path).toEqual([]);
    }
    await page.close();
  }, 60_000);

  it('opens a town of 60 villages with an index whose groups each fit the screen; a small town fits as it is', async () => {
    const page = await open('/units/t-demo/', 360, 800);
    expect(await page.locator('ul.letters').count()).toBe(0);
    await page.goto(`${server.url}/units/t-big/`);
    expect(await page.locator('nav.subs h2').textContent()).toBe('所辖村（社区）（60个）');
    const letters = page.locator('ul.letters a');
    const last = (await letters.last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(800);
    expect(await page.locator('nav.subs .tiles a').count()).toBe(60);
    for (const letter of await letters.allTextContents()) {
      await page.getByRole('link', { name: letter, exact: true }).click();
      const group = (await page.locator(`section[aria-labelledby="subs-${letter}"]`).boundingBox())!;
      expect(group.y, letter).toBeGreaterThanOrEqual(-1);
      expect(group.y + group.height, letter).toBeLessThanOrEqual(800);
      await page.evaluate(() => scrollTo(0, 0));
    }
    await page.close();
  }, 60_000);

  it('has 我要点题 within the first screen of a unit page, leading to the unit’s own contacts', async () => {
    for (const path of ['/units/v-demo-a/', '/units/t-big/', '/units/v-demo-a/dues-2026-h1/']) {
      const page = await open(path, 360, 800);
      const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我要点题' });
      expect(await nav.getAttribute('href'), path).toMatch(/^(\/units\/v-demo-a\/)?#ask-title$/);
      if (!path.endsWith('dues-2026-h1/')) {
        const jump = page.locator('main .ask-jump a');
        const box = (await jump.boundingBox())!;
        expect(box.y + box.height, path).toBeLessThanOrEqual(800);
        await jump.click();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ask-title');
      } else await nav.click();
      await page.waitForURL(/#ask-title$/);
      const ask = (await page.locator('section.ask').boundingBox())!;
      expect(ask.y, path).toBeLessThan(800);
      if (path.includes('v-demo-a')) expect(await page.locator('section.ask').textContent()).toContain('0000-6100002');
      await page.close();
    }
  }, 60_000);

  it('says the period rule where a title names another period than the one published for', async () => {
    const page = await open('/units/v-demo-b/dues-h1/', 360, 800);
    const meta = await page.locator('dl.meta').textContent();
    expect(meta).toContain('公开期次');
    expect(meta).toContain('2026年下半年');
    expect(meta).toContain('“2026年上半年”是所报告的情况');
    expect(meta).not.toContain('期间');
    await page.goto(`${server.url}/units/v-demo-a/dues-2026-h1/`);
    expect(await page.locator('.period-note').count()).toBe(0);
    await page.close();
  }, 30_000);

  it('sets body text at most 40 characters a line on a desktop', async () => {
    const page = await open('/units/v-demo-a/road-deliberation/', 1440);
    const chars = await page.evaluate(() => {
      const p = document.querySelector('article .body p')!;
      return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize);
    });
    expect(chars).toBeLessThanOrEqual(40.5);
    await page.close();
  }, 30_000);
});

describe('kiosk', () => {
  it('has large targets, no external links or downloads, and returns to its cleared start page when idle', async () => {
    const page = await open('/kiosk/', 360);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(true);
    await page.locator('#kiosk-q').fill('党费');
    await page.getByRole('link', { name: '中共测试镇委员会' }).first().click();
    await page.waitForURL(/\/units\/t-demo\/$/);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, input, select, summary')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ text: el.textContent?.trim(), h: el.getBoundingClientRect().height }))
        .filter((r) => r.h < 44),
    );
    expect(small).toEqual([]);
    const external = await page.evaluate(() =>
      [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith(location.origin)),
    );
    expect(external).toEqual([]);
    const downloads = await page.evaluate(
      () =>
        [...document.querySelectorAll('a[href$=".pdf"], a[href$=".csv"], a[href$=".xml"], a[href$=".json"]')].filter(
          (a) => (a as HTMLElement).offsetParent !== null,
        ).length,
    );
    expect(downloads).toBe(0);
    await page.waitForURL(/\/kiosk\/$/, { timeout: 6_000 });
    expect(await page.locator('#kiosk-q').inputValue()).toBe('');
    // The next person cannot go back to the last one's pages.
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(3);
    await page.close();
  }, 30_000);

  it('leaves large text behind when kiosk mode is switched off, unless this browser chose it', async () => {
    const page = await open('/kiosk/', 360);
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).toContain('large');
    await page.goto(`${server.url}/kiosk/?off`);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(false);
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(false);
    await page.goto(`${server.url}/units/v-demo-a/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(false);
    await page.close();
  }, 30_000);

  it('answers an unknown address with a Chinese 404 page that leads back to the kiosk’s start', async () => {
    const page = await open('/kiosk/', 360);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(true);
    const res = await page.goto(`${server.url}/no-such-page/`);
    expect(res!.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('没有找到这个页面');
    expect(await page.getByRole('link', { name: '回到首页' }).getAttribute('href')).toBe('/kiosk/');
    await page.close();
  }, 30_000);
});

describe('accessibility', () => {
  const pages = [
    '/',
    '/units/',
    '/units/t-demo/',
    '/units/t-big/',
    '/units/v-demo-a/',
    '/units/v-demo-a/road-deliberation/',
    '/units/v-demo-b/dues-h1/',
    '/offline/',
    '/units/v-demo-a/dues-2026-h1/',
    '/search/?q=%E5%85%9A%E8%B4%B9',
    '/kiosk/',
    '/catalog/',
    '/print/',
    '/requests/',
    '/supervision/',
    '/no-such-page/',
  ];
  for (const path of pages) {
    it(`axe reports no WCAG 2.1 AA violations on ${path}`, async () => {
      const page = await open(path);
      if (path.startsWith('/search/')) await searched(page);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await page.close();
    }, 30_000);
  }

  it('is keyboard navigable from a skip link, and the large-text switch persists', async () => {
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
    await page.close();
  }, 30_000);
});

describe('for search engines and browsers', () => {
  it('lists public entries in Atom feeds and the sitemap, never party ones; robots.txt names the sitemap', () => {
    const county = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(county).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(county).toContain('乙村党支部关于调整议事规则的通知');
    const unit = readFileSync(join(out, 'units/v-demo-a/feed.xml'), 'utf8');
    expect(unit).toContain('https://dwgk.shifan.example.cn/units/v-demo-a/road-deliberation/');
    expect(unit).not.toContain('乙村');
    const map = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    for (const loc of ['units/cu-demo/rules-no12/', 'requests/', 'supervision/', 'search/', 'units/t-demo/'])
      expect(map).toContain(`<loc>https://dwgk.shifan.example.cn/${loc}</loc>`);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://dwgk.shifan.example.cn/sitemap.xml');
    for (const text of [county, unit, map]) {
      expect(text).not.toContain('sanhui-2026-10');
      expect(text).not.toContain('SENTINEL');
    }
  });

  it('gives every page a description and the favicon', async () => {
    for (const path of ['/', '/units/', '/units/v-demo-a/', '/units/v-demo-a/road-deliberation/', '/search/', '/requests/', '/supervision/']) {
      const page = await open(path);
      expect((await page.locator('meta[name="description"]').getAttribute('content'))!.length, path).toBeGreaterThan(10);
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect((await page.request.get(`${server.url}${icon}`)).status()).toBe(200);
      await page.close();
    }
  }, 30_000);
});
