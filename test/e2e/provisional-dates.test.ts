/**
 * The page script and the holiday table's gap: the mini county built as a live site on 30
 * December of the year before the first year the bundled calendar does not know (Y), and again
 * on 6 January Y. The December pages, read in Chromium on 6 January, must read exactly as the
 * January build's: requests that fell overdue since, their days overdue counted into Y from
 * weekends only and marked 暂按周末计算, and the note at the top saying what the mark means.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { copyMini, ENTRY, put } from '../helpers.ts';
import { launch, liveSitesByDay, mainTexts, type LiveSites } from './browser.ts';

const Y = buildCalendar([]).lastKnownYear + 1;
const DEC30 = `${Y - 1}-12-30`;
const JAN6 = `${Y}-01-06`;
const PAGES = ['/', '/units/v-demo-a/', '/units/v-demo-a/recruit-notice/', '/requests/', '/requests/v-demo-a/', '/supervision/'];

let content: string;
let browser: Browser;
let sites: LiveSites;

beforeAll(async () => {
  content = copyMini();
  put(
    content,
    `entries/v-demo-a/${Y - 1}/recruit-notice.md`,
    ENTRY(
      `title: 甲村党支部拟接收预备党员公示\nitem: recruitment-publicity\ndate: ${Y - 1}-12-28\nnotice: { start: ${Y - 1}-12-28, days: 5 }\nreviewed_by: 王某某\napproved_by: 李某某\nsummary: 拟接收预备党员1名`,
    ),
  );
  // Due in early January (a guess), and due in early December (its days overdue run into Y).
  put(content, `requests/v-demo-a/${Y - 1}/new-year.md`, `---\ntopic: 元旦前的点题\nreceived: ${DEC30}\nchannel: 电话\n---\n问题。\n`);
  put(content, `requests/v-demo-a/${Y - 1}/old-open.md`, `---\ntopic: 一直没有答复的点题\nreceived: ${Y - 1}-12-01\nchannel: 意见箱\n---\n问题。\n`);
  sites = await liveSitesByDay(content, [DEC30, JAN6]);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sites?.close();
  rmSync(content, { recursive: true, force: true });
});

const readAll = (site: string, day: string) => mainTexts(browser, sites.url(site), PAGES, day);

describe(`a live page read across into ${Y}, a year without its holiday arrangement`, { timeout: 120_000 }, () => {
  it(`reads on ${JAN6} exactly as that day's build: the guesses marked, the mark explained`, async () => {
    const [moved, rebuilt] = await Promise.all([readAll(DEC30, JAN6), readAll(JAN6, JAN6)]);
    PAGES.forEach((path, i) => expect(moved[i], path).toBe(rebuilt[i]));
    const log = moved[PAGES.indexOf('/requests/v-demo-a/')]!;
    expect(log).toMatch(/答复期限\d+年12月\d+日 · 已超期未答复（超期\d+个工作日，暂按周末计算）/);
    expect(log).toMatch(new RegExp(`^标“暂按周末计算”的日期：${Y}年的节假日安排还没有录入本站`));
    expect(log).not.toContain('本页按');
  });

  it(`reads on ${DEC30} as its own build: the January deadline marked, the December one not`, async () => {
    const log = (await readAll(DEC30, DEC30))[PAGES.indexOf('/requests/v-demo-a/')]!;
    expect(log).toMatch(new RegExp(`答复期限${Y}年1月\\d+日（暂按周末计算） · 办理中`));
    expect(log).toMatch(/答复期限\d+年12月\d+日 · 已超期未答复（超期\d+个工作日）/);
  });
});
