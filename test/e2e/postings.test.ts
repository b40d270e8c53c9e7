/**
 * Posting photos in real Chromium: the mini county built with the repository's fixture photos
 * (test/fixtures/postings: a whole board, a close-up with EXIF date and GPS, a shaken one) and a
 * photo of the town's board dropped into a village's folder. /supervision/ shows the postings
 * roll-up and each board's state, worst first, sortable; a unit page shows its board's latest
 * photo as the browser receives it — shrunk, and with no EXIF (no GPS) in the served bytes.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, GOOD_FM, put, ROOT } from '../helpers.ts';
import { buildAndServe, type BuiltSite, type serve } from './browser.ts';
import { PUBLISHED_PHOTO_PX } from '../../src/pipeline/postings.ts';

let site: BuiltSite;
let dir: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  dir = copyMini();
  // 乙村 and the county unit publish their dues, so their boards have a print to hang.
  put(dir, 'entries/v-demo-b/2026/dues-2026-h2.md', ENTRY(GOOD_FM.replace('甲村', '乙村')));
  put(dir, 'entries/cu-demo/2026/dues-2026-h2.md', ENTRY(GOOD_FM.replace('甲村党支部', '测试县教育局党组')));
  cpSync(join(ROOT, 'test/fixtures/postings'), join(dir, 'postings'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  // The county unit's folder holds the close-up of the town's board: the wrong board.
  cpSync(join(ROOT, 'test/fixtures/postings/b-t-demo/photo.jpg'), join(dir, 'postings/b-cu-demo/2026-12-02.jpg'));
  site = await buildAndServe(dir, ['--today', '2026-12-03']);
  ({ server, browser } = site);
}, 300_000);

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('posting photos on the site', { timeout: 60_000 }, () => {
  it('the supervision page shows the county’s roll-up and each board’s state, worst first, without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/supervision/`);
    const section = page.locator('section#postings');
    await expect(section.locator('h2').textContent()).resolves.toBe('公开栏张贴情况');
    expect(await section.locator('p').first().textContent()).toContain('全县公开栏 4 块');
    // One row per town and one for the county level, each counting its boards.
    const towns = await page
      .locator('#postings-towns tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelectorAll('td')[0]!.textContent]));
    expect(towns).toContainEqual(['县级单位', '1']);
    expect(towns.reduce((n, [, boards]) => n + Number(boards), 0)).toBe(4);
    const states = await page.locator('#postings-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.id, r.getAttribute('data-posting-state')]));
    expect(states).toEqual([
      ['posting-b-cu-demo', 'wrong_board'],
      ['posting-b-v-demo-b', 'unreadable'],
      ['posting-b-t-demo', 'late'],
      ['posting-b-v-demo-a', 'late'],
    ]);
    const wrong = (await page.locator('#posting-b-cu-demo').textContent()) ?? '';
    expect(wrong).toContain('照片不是这块公开栏');
    expect(wrong).toContain('content/postings/b-t-demo/');
    expect(await page.locator('#posting-b-v-demo-b').textContent()).toContain('请重拍');
    await ctx.close();
  });

  it('sorts the boards by their number when JavaScript runs', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/supervision/`);
    await page.locator('#postings-table thead th', { hasText: '公开栏' }).first().locator('button').click();
    const ids = await page.locator('#postings-table tbody tr th').allTextContents();
    expect(ids).toEqual([...ids].sort());
    await page.close();
  });

  it('a unit page shows its board’s latest photo and its day; the bytes the browser gets carry no EXIF or GPS', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/units/t-demo/`);
    const figure = page.locator('#postings figure');
    expect(await figure.count()).toBe(1);
    expect(await figure.locator('figcaption').textContent()).toContain('2026年12月2日拍摄');
    const img = figure.locator('img');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    const response = await page.request.get(new URL((await img.getAttribute('src'))!, page.url()).href);
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(PUBLISHED_PHOTO_PX);
    // The clerk's original had a GPS position: the served copy has not a trace of it (nor of the phone).
    expect((await sharp(readFileSync(join(dir, 'postings/b-t-demo/photo.jpg'))).metadata()).exif).toBeDefined();
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.includes('Simulated')).toBe(false);
    // A board whose photo shows another board's code gets no photo on its unit's page.
    await page.goto(`${server.url}/units/cu-demo/`);
    expect(await page.locator('#postings figure').count()).toBe(0);
    await page.close();
  });
});
