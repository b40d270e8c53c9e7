/** The built site in real Chromium: Chinese pages, navigation by unit, nothing fetched from outside. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI } from '../helpers.ts';
import { buildAndServe, type BuiltSite, type serve } from './browser.ts';

let site: BuiltSite;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(MINI);
  ({ out, server, browser } = site);
}, 120_000);

afterAll(() => site?.close());

describe('site', () => {
  it('navigates from home to a village entry, in Chinese, with no outside request', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url)) outside.push(req.url());
    });
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('link', { name: '测试镇', exact: true }).first().click();
    await page.getByRole('link', { name: '甲村党支部', exact: true }).click();
    await page.getByRole('link', { name: '甲村党支部2026年上半年党费收缴情况' }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('甲村党支部2026年上半年党费收缴情况');
    expect(await page.locator('table td').first().textContent()).toBe('1月');
    expect(outside).toEqual([]);
    await page.close();
  }, 30_000);

  it('publishes entry images re-encoded, without EXIF or GPS', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/units/v-demo-a/road-deliberation/`);
    const img = page.getByRole('img', { name: '村道现状照片' });
    const src = (await img.getAttribute('src'))!;
    expect(src).toMatch(/^\/media\/v-demo-a\/[0-9a-f]{16}\.jpg$/);
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
    const bytes = readFileSync(join(out, src));
    expect(bytes.includes(Buffer.from('EXIF-ARTIST-SENTINEL'))).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    await page.close();
  }, 30_000);

  it('does not publish party-scope entries', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${server.url}/units/v-demo-a/sanhui-2026-10/`);
    expect(res?.status()).toBe(404);
    await page.goto(`${server.url}/units/v-demo-a/`);
    expect(await page.content()).not.toContain('SENTINEL-PARTY');
    await page.close();
  }, 30_000);
});
