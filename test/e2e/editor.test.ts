/**
 * /admin/, the browser editor for clerks without git, in real Chromium with every request off
 * the site blocked (an intranet, a bad connection): the unit list, then Sveltia CMS from the
 * site's own copy, in Chinese, with its icons, showing the form of the unit's entries.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ROOT } from '../helpers.ts';
import { buildAndServe, type BuiltSite, type serve } from './browser.ts';

let site: BuiltSite;
let dir: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  dir = copyMini();
  site = await buildAndServe(dir, ['--today', '2026-11-28']);
  ({ server, browser } = site);
}, 180_000);

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the practice editor of a unit: Sveltia's sign-in page offers the in-browser test repository. */
async function practice(page: Page, unit: string): Promise<void> {
  await page.goto(`${server.url}/admin/?unit=${unit}&practice`);
  await page.getByRole('button', { name: '使用测试仓库' }).click({ timeout: 30_000 });
  await page.getByText('创建新条目').click({ timeout: 30_000 });
}

/** A Chinese browser that can reach nothing but the site; what it tried to reach is kept. */
async function offlinePage(): Promise<{ page: Page; outside: string[] }> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { page, outside };
}

describe('the browser editor at /admin/', { timeout: 90_000 }, () => {
  it('lists the units, towns folding their villages, each with a practice link; not for search engines', async () => {
    const { page } = await offlinePage();
    await page.goto(`${server.url}/admin/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('网页编辑器');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await page.locator('summary', { hasText: '中共测试镇委员会' }).click();
    await expect(page.locator('a[href="?unit=v-demo-a&practice"]').isVisible()).resolves.toBe(true);
    // The demo's settings connect no forge yet: the page says so.
    expect(await page.locator('.note').textContent()).toContain('还没有把编辑器连接到内容仓库');
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('opens the unit’s entry form in Chinese, offline, from the site’s own copy of Sveltia CMS', async () => {
    const { page, outside } = await offlinePage();
    await practice(page, 'v-demo-a');
    for (const label of [
      '标题',
      '公开事项',
      '发布日期',
      '公开范围',
      '期间',
      '公示',
      '审核人',
      '审批人',
      '摘要',
      '是否上公开栏',
      '会议记录',
      '修改记录',
      '正文',
    ]) {
      await page.getByText(label, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 5_000 });
    }
    await expect(page.getByText('例如：2026年上半年党费收缴情况').isVisible()).resolves.toBe(true);
    // The icons are drawn by the font the site serves, not the CDN's.
    expect(await page.evaluate(() => document.fonts.check('24px "Material Symbols Outlined"'))).toBe(true);
    // Nothing the editor needs came from elsewhere: what it tried outside is optional (an update check, a Latin text font).
    expect(outside.filter((u) => !/unpkg\.com\/@sveltia\/cms\/package\.json|fontsource\/fonts\/source-sans-3/.test(u))).toEqual([]);
    await page.context().close();
  });

  it('offers the unit’s items by name in the item list', async () => {
    const { page } = await offlinePage();
    await practice(page, 'v-demo-a');
    await page.getByRole('combobox').first().click();
    await expect(page.getByRole('option', { name: '党费收缴情况（dues-collection）' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('reopens the same unit after a reload, though Sveltia has dropped the query from the address', async () => {
    const { page } = await offlinePage();
    await practice(page, 'v-demo-a');
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    // Signed in to the test repository already, or asked again: either way, the unit's collection.
    const signIn = page.getByRole('button', { name: '使用测试仓库' });
    const collection = page.getByText('甲村党支部的公开条目').first();
    await signIn.or(collection).first().waitFor({ timeout: 30_000 });
    if (await signIn.isVisible()) await signIn.click();
    await collection.waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('says what is wrong for an unknown unit, without starting the editor', async () => {
    const { page } = await offlinePage();
    await page.goto(`${server.url}/admin/?unit=v-nowhere&practice`);
    await page.getByText('没有标识为“v-nowhere”的单位').waitFor();
    expect(await page.locator('script[src$="sveltia-cms.js"]').count()).toBe(0);
    await page.context().close();
  });
});
