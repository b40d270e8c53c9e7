/**
 * A live site read on later days: the mini fixture, with notices, an entry dated ahead, an
 * aging staged matter, an expiring entry and open requests, is built as a live site on day D
 * (GONGKAI_CLOCK: "today" still counts as the clock) and again on D+1, D+7 and D+30. Each
 * page of the D build, opened in Chromium under a browser clock moved to the later day, must
 * read exactly as the same page of that day's build: headings, counts, the board, request
 * states and overdue days, the 督查考评 figures and order. Read beyond what it carries, a page
 * says plainly that it is out of date.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, put } from '../helpers.ts';
import { launch, liveSitesByDay, mainTexts, type LiveSites } from './browser.ts';

const D = '2026-12-10'; // a Thursday
const LATER = { '2026-12-11': 'D+1', '2026-12-17': 'D+7', '2027-01-09': 'D+30' } as const;
const PAGES = [
  '/',
  '/units/v-demo-a/',
  '/units/v-demo-b/',
  '/units/t-demo/',
  '/units/v-demo-a/recruit-a/',
  '/units/v-demo-a/recruit-b/',
  '/requests/',
  '/requests/v-demo-a/',
  '/requests/t-demo/',
  '/supervision/',
];
const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
const REQ = (fm: string) => `---\n${fm.trim()}\n---\n提出的问题。\n`;

let content: string;
let browser: Browser;
let sites: LiveSites;

beforeAll(async () => {
  content = copyMini();
  // A notice running on D (ends Monday 14 December) and one that starts next Tuesday.
  put(
    content,
    'entries/v-demo-a/2026/recruit-a.md',
    ENTRY(
      `title: 甲村党支部发展对象公示\nitem: recruitment-publicity\ndate: 2026-12-08\nnotice: { start: 2026-12-08, days: 5 }\n${SIGNED}\nsummary: 发展对象2名`,
    ),
  );
  put(
    content,
    'entries/v-demo-a/2026/recruit-b.md',
    ENTRY(
      `title: 甲村党支部拟接收预备党员公示\nitem: recruitment-publicity\ndate: 2026-12-09\nnotice: { start: 2026-12-15, days: 5 }\n${SIGNED}\nsummary: 拟接收预备党员1名`,
    ),
  );
  // Dated ahead: on the board (and in the 督查考评's last update) from 14 December.
  put(
    content,
    'entries/v-demo-a/2026/rules-new.md',
    ENTRY(`title: 甲村党支部议事规则（修订）\nitem: rules-procedures\ndate: 2026-12-14\n${SIGNED}\nsummary: 修订议事规则`),
  );
  // The road matter concluded in September: off the board after 90 days (from 12 December).
  put(
    content,
    'entries/v-demo-a/2026/road-result.md',
    ENTRY(`title: 甲村村道硬化工程（结果）\nitem: major-decisions\ndate: 2026-09-12\nstage: result\nmatter: demo-road-2026\n${SIGNED}`),
  );
  put(
    content,
    'entries/t-demo/2026/care.md',
    ENTRY(`title: 测试镇党员关怀帮扶情况\nitem: member-care\ndate: 2026-06-01\nperiod: 2026\nexpires: 2026-12-20\n${SIGNED}\nsummary: 走访困难党员12名`),
  );
  put(content, 'requests/v-demo-a/2026/due-on-d.md', REQ('topic: 活动室开放时间\nreceived: 2026-12-07\nchannel: 意见箱'));
  put(content, 'requests/v-demo-b/2026/waiting.md', REQ('topic: 党费标准\nreceived: 2026-12-09\nchannel: 电话'));
  // Its reply is dated 19 January: no page built before then can show it.
  put(content, 'requests/t-demo/2026/late-reply.md', REQ('topic: 村级账目\nreceived: 2026-12-08\nchannel: 现场\nreplied: 2027-01-19\nreply: 已答复。'));
  // D+30 is in 2027: a county adds the year's holidays as soon as the State Council publishes them.
  put(content, 'calendar/2027.yaml', 'year: 2027\nsource: 测试用\nholidays:\n  - { from: 2027-01-01, to: 2027-01-03 }\nworkdays: []\n');
  sites = await liveSitesByDay(content, [D, ...Object.keys(LATER)]);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sites?.close();
  rmSync(content, { recursive: true, force: true });
});

const readAll = (site: string, paths: readonly string[], day: string) => mainTexts(browser, sites.url(site), paths, day);
const read = async (site: string, path: string, day: string) => (await readAll(site, [path], day))[0]!;

describe('a live site read on later days', { timeout: 120_000 }, () => {
  it('reads on D as its own build says, and says nothing of frozen dates', async () => {
    const home = await read(D, '/', D);
    expect(home).toContain('正在公示（1项）');
    expect(home).not.toContain('日期停在');
    const log = await read(D, '/requests/v-demo-a/', D);
    expect(log).toContain('今天到期');
  });

  for (const [day, label] of Object.entries(LATER)) {
    it(`reads on ${label} (${day}) exactly as that day's build`, async () => {
      const [moved, rebuilt] = await Promise.all([readAll(D, PAGES, day), readAll(day, PAGES, day)]);
      PAGES.forEach((path, i) => expect(moved[i], `${path} on ${day}`).toBe(rebuilt[i]));
    });
  }

  it('moves what the issue saw stuck: the notices heading, request states, overdue days, the board', async () => {
    expect(await read(D, '/', '2027-01-09')).toMatch(/正在公示（0项）\s+目前没有正在进行的公示。/);
    expect(await read(D, '/requests/v-demo-a/', '2026-12-17')).toContain('已超期未答复（超期5个工作日）');
    // What the page shows before the unit's own 我要点题 contacts at its end (a link to them sits at its top).
    const page = await read(D, '/units/v-demo-a/', '2026-12-17');
    const board = page.slice(0, page.lastIndexOf('我要点题'));
    // Ended on the 14th, in its grace days: under its aspect, no longer under 正在公示.
    expect(board).toMatch(/正在公示\s+甲村党支部拟接收预备党员公示[\s\S]*党员发展\s+甲村党支部发展对象公示/);
    expect(board).toContain('截至2026年12月17日');
    expect(board).toContain('甲村党支部议事规则（修订）');
    expect(board).not.toContain('甲村村道硬化工程（结果）');
  });

  it('says plainly it is out of date when read past what it carries', async () => {
    // The reply dated 19 January cannot be shown by a page built in December.
    expect(await read(D, '/requests/t-demo/', '2027-01-24')).toContain('本页按2026年12月10日的情况生成，已过45天');
    expect(await read(D, '/units/v-demo-a/', '2027-01-24')).not.toContain('本页按');
    // Past the two months a page carries of the 督查考评.
    expect(await read(D, '/units/v-demo-a/', '2027-02-20')).toContain('已过72天');
  });
});
