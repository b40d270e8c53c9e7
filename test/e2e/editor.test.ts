/**
 * /admin/, the browser editor for clerks without git, in real Chromium with every request off
 * the site blocked (an intranet, a bad connection): the unit list, then Sveltia CMS from the
 * site's own copy, in Chinese, with its icons and fonts, the unit's items listed and each
 * item's form. What the editor writes is tested in editor-entries.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, servedMini } from './browser.ts';
import { field, offlinePage as offline, openPractice } from './editor-form.ts';

const served = servedMini();
const url = () => served().server.url;
const offlinePage = () => offline(served().browser, url());

describe('the browser editor at /admin/', { timeout: 90_000 }, () => {
  it('lists the units, towns folding their villages, each with a practice link; not for search engines', async () => {
    const { page } = await offlinePage();
    await page.goto(`${url()}/admin/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('网页编辑器');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await page.locator('summary', { hasText: '中共测试镇委员会' }).click();
    await expect(page.locator('a[href="?unit=v-demo-a&practice"]').isVisible()).resolves.toBe(true);
    // The demo's settings connect no forge yet: the page says so.
    expect(await page.locator('.note').textContent()).toContain('还没有把编辑器连接到内容仓库');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('opens an item’s entry form in Chinese, offline, from the site’s own copy of Sveltia CMS: nothing from elsewhere', async () => {
    const { page, outside } = await offlinePage();
    await openPractice(page, url(), 'v-demo-a');
    await page.getByRole('treeitem', { name: '党费收缴情况', exact: true }).click();
    await page.getByRole('button', { name: '创建新条目' }).first().click();
    for (const label of ['标题', '发布日期', '公开范围', '期间', '公示', '审核人', '审批人', '摘要', '是否上公开栏', '修改记录', '正文'])
      await field(page, label);
    await expect(page.getByText('例如：2026年上半年党费收缴情况').isVisible()).resolves.toBe(true);
    // The Markdown mode too (its code font is served by the site as well).
    await page.getByRole('button', { name: '以 Markdown 编辑' }).click();
    await page.locator('textarea').last().fill('| 姓名 | 金额 |');
    // The icons and texts are drawn by the fonts the site serves, not the CDN's.
    for (const font of ['24px "Material Symbols Outlined"', '16px "Source Sans 3"', '16px "Noto Mono"']) {
      await expect.poll(() => page.evaluate((f) => document.fonts.load(f).then((faces) => faces.length), font), { message: font }).toBe(1);
    }
    // Nothing at all was asked of another site: no update check, no font, no text.
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('lists the unit’s items by name, grouped by the catalogue’s aspects', async () => {
    const { page } = await offlinePage();
    await openPractice(page, url(), 'v-demo-a');
    const list = page.getByRole('tree', { name: '集合列表' });
    await list.getByRole('treeitem', { name: '党费收缴情况', exact: true }).waitFor();
    // The village's 26 items, and its board's 张贴记录 (posting photos).
    expect(await list.getByRole('treeitem').count()).toBe(27);
    await list.getByRole('treeitem', { name: '张贴记录', exact: false }).first().waitFor();
    // A line between the catalogue's aspects (13 of the 14 have items for villages), and one before 张贴记录.
    expect(await list.getByRole('separator').count()).toBe(13);
    await page.context().close();
  });

  it('reopens the same unit after a reload, though Sveltia has dropped the query from the address', async () => {
    const { page } = await offlinePage();
    await openPractice(page, url(), 'v-demo-a');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.title()).toContain('甲村党支部 · 网页编辑器（练习）');
    await page.reload();
    // Signed in to the test repository already, or asked again: either way, the unit's items.
    const signIn = page.getByRole('button', { name: '使用测试仓库' });
    const list = page.getByRole('tree', { name: '集合列表' });
    await signIn.or(list).first().waitFor({ timeout: 30_000 });
    if (await signIn.isVisible()) await signIn.click();
    await list.waitFor({ timeout: 30_000 });
    expect(await page.title()).toContain('甲村党支部');
    await page.context().close();
  });

  it('says what is wrong for an unknown unit, without starting the editor', async () => {
    const { page } = await offlinePage();
    await page.goto(`${url()}/admin/?unit=v-nowhere&practice`);
    await page.getByText('没有标识为“v-nowhere”的单位').waitFor();
    expect(await page.locator('script[src$="sveltia-cms.js"]').count()).toBe(0);
    await page.context().close();
  });
});
