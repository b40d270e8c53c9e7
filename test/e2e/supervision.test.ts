/** /supervision/ and the request log in real Chromium: readable without JavaScript, sortable with it. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, put } from '../helpers.ts';
import { buildAndServe, type BuiltSite, type serve } from './browser.ts';

let site: BuiltSite;
let dir: string;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

const REQ = (fm: string) => `---\n${fm.trim()}\n---\n提出的问题。\n`;

beforeAll(async () => {
  dir = copyMini();
  // Requests in several states as of 2026-11-28 (a Saturday).
  put(dir, 'requests/v-demo-a/2026/late-one.md', REQ('topic: 慰问标准\nreceived: 2026-08-03\nchannel: 意见箱\nreplied: 2026-08-12\nreply: 已答复。'));
  put(dir, 'requests/v-demo-b/2026/open-one.md', REQ('topic: 活动室选址\nreceived: 2026-11-18\nchannel: 现场'));
  put(dir, 'requests/t-demo/2026/national-day.md', REQ('topic: 国庆前的点题\nreceived: 2026-09-30\nchannel: 电话\nreplied: 2026-10-10\nreply: 已答复。'));
  site = await buildAndServe(dir, ['--today', '2026-11-28']);
  ({ out, server, browser } = site);
}, 180_000);

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('supervision page', { timeout: 60_000 }, () => {
  it('shows the whole table without JavaScript, lowest coverage first', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/supervision/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('督查考评');
    const rows = page.locator('#units-table tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await page.locator('.sort-button').count()).toBe(0);
    const rates = await page.locator('#units-table tbody tr td:nth-child(6)').allTextContents();
    const nums = rates.map((t) => Number(t.replace('%', '')));
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    expect(await page.content()).toContain('已超期未答复');
    await ctx.close();
  });

  it('sorts by a column when JavaScript runs', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/supervision/`);
    await page.locator('#units-table th', { hasText: '单位' }).first().locator('button').click();
    const th = page.locator('#units-table thead th').first();
    expect(await th.getAttribute('aria-sort')).toBe('ascending');
    const rate = page.locator('#units-table thead th', { hasText: '覆盖率' }).locator('button');
    await rate.click();
    await rate.click();
    const nums = (await page.locator('#units-table tbody tr td:nth-child(6)').allTextContents()).map((t) => Number(t.replace('%', '')));
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    await page.close();
  });

  it('lists requests with timeline and state; the downloads have one row per request and nothing internal', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/requests/`);
    const text = (await page.locator('main, body').first().textContent()) ?? '';
    expect(text).toContain('超期答复（超期4个工作日）');
    expect(text).toContain('已超期未答复');
    expect(text).toContain('答复期限2026年10月10日'); // received 2026-09-30, before National Day
    await page.goto(`${server.url}/units/v-demo-a/`);
    expect(await page.locator('.supervision-badge').count()).toBe(1);
    expect(await page.locator('.request-log .request').count()).toBe(2);
    await page.close();
    const csv = readFileSync(join(out, 'data/requests.csv'), 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 4);
    const json = JSON.parse(readFileSync(join(out, 'data/requests.json'), 'utf8'));
    expect(json.requests.map((r: { state: string }) => r.state).sort()).toEqual(['late', 'on_time', 'on_time', 'overdue']);
    expect(readFileSync(join(out, 'supervision/index.html'), 'utf8')).not.toContain('SENTINEL-PARTY');
  });
});
