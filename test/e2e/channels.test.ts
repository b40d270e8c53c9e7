/**
 * The other media in a browser, on a live site built on a Thursday. A village's and a town's
 * signage page on a 1920×1080 screen, as the people in the hall see it: type large enough for five metres, nothing cut off, the screens turning by themselves,
 * the board of the next day shown after midnight without a rebuild (a browser clock moved
 * forward: a 公示's days left count down, an ended one goes), and the last good copy shown when
 * the network is gone. And an entry page's 分享 button on a phone: the pictures handed to the
 * system share sheet where the browser has one, shown to be pressed long where it has none.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, put } from '../helpers.ts';
import { axeViolations, buildSite, launch, serve } from './browser.ts';

const D = '2026-12-10'; // a Thursday
const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
const SECONDS = 6;
let content: string;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  content = copyMini();
  put(content, 'site.yaml', `${(await import('node:fs')).readFileSync(`${content}/site.yaml`, 'utf8')}\nmedia:\n  signage_seconds: ${SECONDS}\n`);
  // Running on D, its last working day Monday 14 December.
  put(
    content,
    'entries/v-demo-a/2026/recruit-a.md',
    ENTRY(
      `title: 甲村党支部发展对象公示\nitem: recruitment-publicity\ndate: 2026-12-08\nnotice: { start: 2026-12-08, days: 5 }\n${SIGNED}\nsummary: 发展对象2名`,
    ),
  );
  // A live site built on D: the screen counts the days itself afterwards.
  out = buildSite(content, [], { GONGKAI_TODAY: '', GONGKAI_CLOCK: D, GONGKAI_CACHE_DIR: `${content}-cache` });
  server = await serve(out);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
  if (out) rmSync(`${out}/..`, { recursive: true, force: true });
});

async function screen(at: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(at) });
  return { page, close: () => context.close() };
}

const heading = (page: Page) => page.locator('.sg-current h1').textContent();
const visibleTexts = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.sg-head p, .sg-head span, .sg-current h1, .sg-current li:not([hidden]):not(.sg-off) p, .sg-current dt, .sg-current dd, .sg-current figcaption, .sg-foot span:not([hidden])',
      ),
    ]
      .filter((el) => el.offsetParent !== null && el.textContent!.trim())
      .map((el) => ({
        text: el.textContent!.trim(),
        size: parseFloat(getComputedStyle(el).fontSize),
        overflow: el.scrollHeight > el.clientHeight + 2 && getComputedStyle(el).webkitLineClamp === 'none',
      })),
  );

describe('signage page on a 1920×1080 screen', () => {
  it('shows large type, turns its screens by itself and cuts nothing off', async () => {
    const { page, close } = await screen(`${D}T10:00:00+08:00`);
    await page.goto(`${server.url}/signage/v-demo-a/`);
    expect(await page.locator('.sg-time').textContent()).toBe('10:00');
    expect(await page.locator('.sg-date').textContent()).toBe('2026年12月10日 星期四');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push((await heading(page))!);
      const texts = await visibleTexts(page);
      // At 1080 px high: titles 64 px, nothing under 50 px (26 mm of glyph on a 43-inch screen, for 5 m).
      for (const t of texts) expect(t.size, t.text).toBeGreaterThanOrEqual(50);
      for (const t of texts.filter((x) => x.text.includes('公示') && x.size > 60)) expect(t.size).toBeGreaterThanOrEqual(64);
      const fits = await page.evaluate(() => {
        const main = document.querySelector<HTMLElement>('.sg-main')!;
        return main.scrollHeight <= main.clientHeight + 1 && document.documentElement.scrollWidth <= 1920;
      });
      expect(fits, seen.at(-1)).toBe(true);
      await page.clock.runFor(SECONDS * 1000);
    }
    expect(seen).toEqual(['正在公示', '公开栏上的最新内容', '我要点题']);
    expect(await page.locator('[data-screen-indicator]').textContent()).toBe('1/3');
    await close();
  }, 60_000);

  it('moves to the next day’s board at midnight without a rebuild, and drops a notice that has ended', async () => {
    const { page, close } = await screen(`${D}T23:59:50+08:00`);
    await page.goto(`${server.url}/signage/v-demo-a/`);
    const left = () => page.locator('[data-notice] [data-notice-status]').textContent();
    expect(await left()).toBe('公示中，还剩3个工作日');
    await page.clock.runFor(20_000); // past midnight: Friday 11 December
    expect(await left()).toBe('公示中，还剩2个工作日');
    expect(await page.locator('.sg-date').textContent()).toBe('2026年12月11日 星期五');
    // Tuesday 15 December: the notice ended on Monday; the screen skips 正在公示.
    await page.clock.setSystemTime(new Date('2026-12-15T08:00:00+08:00'));
    await page.clock.runFor(6_000);
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      seen.push((await heading(page))!);
      await page.clock.runFor(SECONDS * 1000);
    }
    expect(new Set(seen)).toEqual(new Set(['公开栏上的最新内容', '我要点题']));
    // An ended notice is not on the screen (the board keeps it a few grace days; a screen shows what runs).
    expect((await page.locator('li:not([hidden])').allTextContents()).join('')).not.toContain('发展对象公示');
    expect(await page.locator('[data-slide="latest"] li:not([hidden])').count()).toBeGreaterThan(0);
    await close();
  }, 60_000);

  it('shows a town’s own and its villages’ running notices', async () => {
    const { page, close } = await screen(`${D}T09:00:00+08:00`);
    await page.goto(`${server.url}/signage/t-demo/`);
    expect(await heading(page)).toBe('正在公示');
    expect((await page.locator('.sg-current li:not([hidden]) .sg-meta').textContent())!).toContain('甲村党支部');
    await close();
  }, 60_000);

  it('keeps the last good copy and shows it when the network is gone', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/signage/v-demo-a/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 30_000 }).toMatch(/^[1-9]\d*$/);
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('.sg-unit').textContent()).toContain('甲村党支部');
    expect(await page.locator('[data-slide="ask"] dd').first().textContent()).toBe('0000-6100002');
    await expect.poll(() => page.locator('[data-offline-note]').isVisible(), { timeout: 10_000 }).toBe(true);
    await context.close();
  }, 90_000);
});

describe('share button on an entry page', () => {
  const PAGE = '/units/v-demo-a/recruit-a/';

  it('shows the pictures where the browser cannot share files (WeChat’s browser, a desktop)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGE}`);
    await page.getByRole('button', { name: '分享图片' }).click();
    const img = page.locator('[data-share-pictures] img').first();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 15_000 }).toBe(1080);
    expect(await img.getAttribute('alt')).toBe('甲村党支部发展对象公示');
    expect(await page.locator('[data-share-status]').textContent()).toContain('长按图片');
    await context.close();
  }, 60_000);

  it('hands the PNG files to the system share sheet where the phone has one (Web Share API)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // The phone's share sheet, as Chrome for Android offers it: canShare and share with files.
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      Object.assign(window, { shared });
      Object.assign(navigator, {
        canShare: (d: { files?: File[] }) => !!d.files?.every((f) => f.type === 'image/png'),
        share: async (d: { files: File[]; title: string; text: string }) =>
          void shared.push({ files: d.files.map((f) => [f.name, f.type, f.size]), title: d.title, text: d.text }),
      });
    });
    await page.goto(`${server.url}${PAGE}`);
    await page.getByRole('button', { name: '分享图片' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared.length), { timeout: 15_000 }).toBe(1);
    const [call] = (await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)) as {
      files: [string, string, number][];
      title: string;
      text: string;
    }[];
    expect(call!.files.map(([name, type]) => [name, type])).toEqual([['recruit-a-1.png', 'image/png']]);
    expect(call!.files[0]![2]).toBeGreaterThan(10_000);
    expect(call!.title).toBe('甲村党支部发展对象公示');
    expect(call!.text).toContain('https://dwgk.shifan.example.cn/units/v-demo-a/recruit-a/');
    expect(await page.locator('[data-share-pictures]').isHidden()).toBe(true);
    await context.close();
  }, 60_000);
});

describe('accessibility of the new pages', () => {
  for (const path of ['/signage/v-demo-a/', '/channels/', '/units/v-demo-a/recruit-a/', '/print/']) {
    it(`axe reports no WCAG 2.1 AA violations on ${path}`, async () => {
      const page = await browser.newPage({ viewport: { width: path.startsWith('/signage/') ? 1920 : 1024, height: 1080 } });
      await page.goto(`${server.url}${path}`);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await page.close();
    }, 30_000);
  }
});
