/**
 * Search ranks by the words villagers use (issue 30): 财务, 收支, 经费 and 账目 find the dues
 * entries first (the catalogue's `words` for the dues items), 发展党员 and 入党 the recruitment
 * notice, 选举 the election — above an entry that only mentions all of these in its body; a
 * title match ranks above a body match; unit tiles appear only when the query names a unit,
 * and never push the first result below a 360×800 phone's first screen.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, put } from '../helpers.ts';
import { buildAndServe, type BuiltSite } from './browser.ts';

let built: BuiltSite;
let content: string;
const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
const BODY_ONLY = '甲村柑橘产业发展情况的点题答复';
const DUES = ['甲村党支部2026年上半年党费收缴情况', '县教育局党组2025年度党费使用和管理情况'];
const RECRUIT = '甲村党支部关于确定发展对象的公示';

beforeAll(async () => {
  content = copyMini();
  // Mentions every villager's word in its body, none in its catalogue item: it must come after the items those words name.
  put(
    content,
    'entries/v-demo-a/2026/industry.md',
    ENTRY(
      `title: ${BODY_ONLY}\nitem: topic-requests\ndate: 2026-08-01\n${SIGNED}`,
      '村民问柑橘产业发展的财务收支、经费和账目怎样管理，党员怎样带头。现答复：产业项目的财务收支由村集体经济组织记账，经费使用和账目每季度公开，党员带头发展柑橘种植，选举产生的理财小组监督。',
    ),
  );
  put(
    content,
    'entries/v-demo-a/2026/recruit.md',
    ENTRY(
      `title: ${RECRUIT}\nitem: recruitment-publicity\ndate: 2026-09-01\nnotice: { start: 2026-09-01, days: 5 }\n${SIGNED}`,
      '经支部委员会研究，确定张某某为发展对象，现予公示。',
    ),
  );
  put(
    content,
    'entries/cu-demo/2026/dues-usage.md',
    ENTRY(`title: ${DUES[1]}\nitem: dues-usage\ndate: 2026-01-10\nperiod: 2026\n${SIGNED}`, '2025年度党费使用情况如下。'),
  );
  put(
    content,
    'entries/v-demo-b/2026/election.md',
    ENTRY(`title: 乙村党组织换届结果公开\nitem: elections\ndate: 2026-10-12\nstage: result\nmatter: election-2026\n${SIGNED}`, '乙村党支部按期完成换届。'),
  );
  put(
    content,
    'entries/v-demo-b/2026/duties.md',
    ENTRY(
      `title: 乙村党支部班子分工\nitem: org-setup-division\ndate: 2026-03-02\n${SIGNED}`,
      '书记负责全面工作，分管柑橘产业；委员分管柑橘销售、柑橘技术培训。',
    ),
  );
  built = await buildAndServe(content, ['--today', '2026-11-28'], { GONGKAI_CACHE_DIR: `${content}-cache` });
}, 180_000);

afterAll(async () => {
  await built?.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
});

async function search(query: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; titles: string[]; units: string[] }> {
  const page = await built.browser.newPage({ viewport });
  await page.goto(`${built.server.url}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('[data-search-status][data-search-done], [data-search-status][data-search-problem]').waitFor({ timeout: 20_000 });
  return { page, titles: await page.locator('ol.results li > a').allTextContents(), units: await page.locator('.unit-hits a').allTextContents() };
}

async function titles(query: string): Promise<{ titles: string[]; units: string[] }> {
  const { page, ...r } = await search(query);
  await page.close();
  return r;
}

describe('the words villagers use', () => {
  it('finds the dues entries first by 财务, 收支, 经费 and 账目, above an entry that only mentions them', async () => {
    for (const word of ['财务', '收支', '经费', '账目']) {
      const r = await titles(word);
      expect(DUES, word).toContain(r.titles[0]);
      expect(r.titles.indexOf(BODY_ONLY), word).toBeGreaterThan(Math.max(...DUES.map((d) => r.titles.indexOf(d))));
    }
  }, 90_000);

  it('finds the recruitment notice first by 发展党员 and 入党, and the election by 选举', async () => {
    expect((await titles('发展党员')).titles[0]).toBe(RECRUIT);
    expect((await titles('入党')).titles[0]).toBe(RECRUIT);
    expect((await titles('选举')).titles[0]).toBe('乙村党组织换届结果公开');
  }, 60_000);

  it('ranks a title match above a body match', async () => {
    expect((await titles('柑橘')).titles).toEqual([BODY_ONLY, '乙村党支部班子分工']);
  }, 30_000);
});

describe('unit tiles', () => {
  it('appear only when the query names a unit', async () => {
    for (const q of ['低保', '村集体收入', '发展党员', '党费']) expect((await titles(q)).units, q).toEqual([]);
    expect((await titles('乙村')).units).toEqual(['乙村党支部']);
    // A village and a word (桃花村 财务 found nothing before): the village's tile, and its dues entry among the first
    // (with the answer about its industry's 财务收支, which names the village in its title).
    const named = await titles('甲村 财务');
    expect(named.units).toEqual(['甲村党支部']);
    expect(named.titles.slice(0, 2)).toContain(DUES[0]);
    expect(named.titles).not.toContain(DUES[1]);
  }, 90_000);

  it('never push the first result below a phone’s first screen', async () => {
    for (const q of ['甲村 财务', '乙村', '党费']) {
      const { page } = await search(q, { width: 360, height: 800 });
      const first = (await page.locator('ol.results li > a').first().boundingBox())!;
      expect(first.y + first.height, q).toBeLessThanOrEqual(800);
      await page.close();
    }
  }, 60_000);
});
