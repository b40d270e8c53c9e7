/**
 * Journey (a): a county's first month, walked as the people who live it, each step asserting
 * what they see. The webmaster runs `init`, imports the office's spreadsheets, passes the
 * go-live check and builds on launch day; three clerks add entries — one in the web editor,
 * one with `new`, one by hand, fixing what `check` names — each on a branch whose pull-request
 * summary (the exact command CI runs) tells the reviewer what changes; the reviewer merges;
 * the nightly build puts the entry on the village page and the board PDF; then the month
 * passes — notices start and end, a 点题 falls overdue and is answered late, supervision moves.
 *
 * Everything runs through the real CLI on a real git repository, and the site is read as
 * served (HTML files of the deployed folder and, for the editor, Chromium).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_HEADER, BOARD_ROWS, UNIT_HEADER, UNIT_ROWS, writeGbkCsv, writeXlsx } from '../fixtures/county-sheets.ts';
import { pdfPageText } from '../pdf-helpers.ts';
import { CountyRepo, visibleText } from './journey/county-repo.ts';
import { seen, Visitors } from './journey/visitors.ts';
import { editorFiles, fillEntry, offlinePage, openPractice, saveEntry, writeFiles } from './editor-form.ts';

const flat = (s: string) => s.replace(/\s+/g, '');

// The month: launch on Tuesday 1 December 2026 (a working day; December has no holidays).
const LAUNCH = '2026-12-01';
const DAY = {
  clerks: '2026-12-02', // Wed: three clerks write; a villager's 点题 arrives
  noticeRuns: '2026-12-04', // Fri: the town's 公示 (3–9 Dec) is running
  requestOverdue: '2026-12-08', // Tue: the 点题 (due Mon 7 Dec) is overdue
  noticeEnded: '2026-12-11', // Fri: the 公示 ended on the 9th, still on the board for 3 days
  noticeGone: '2026-12-17', // Thu: off the board
  monthEnd: '2026-12-31',
};

const INIT = ['--county', '清河县', '--url', 'https://dwgk.qinghe.gov.cn', '--phone', '0312-8123456', '--forge', 'gitlab', '--office', 'qinghe-dwgk'];
const TOWN = 't-chengguan';
const VILLAGE = 'v-chengguan-dongmen';
const COUNTY_UNIT = 'cu-zuzhibu';

let county: CountyRepo;
let visitors: Visitors;

beforeAll(async () => {
  county = new CountyRepo('journey-month-');
  visitors = await Visitors.start(county.out);
});
afterAll(async () => {
  await visitors?.close();
  county?.remove();
});

/** A villager opens the site on a phone, taps the town, then the village: two taps, each link on the screen it is tapped from. */
async function villagerWalksToVillage(day: string, townName: string, villageName: string) {
  const page = await visitors.phone(day);
  await page.goto(visitors.url('/'));
  const town = page.locator('nav.towns').getByRole('link', { name: townName });
  const t = (await town.boundingBox())!;
  expect(t.y + t.height).toBeLessThanOrEqual(800);
  await town.tap();
  await page.waitForURL(/\/units\/t-[\w-]+\/$/);
  const village = page.locator('nav.subs').getByRole('link', { name: villageName });
  const v = (await village.boundingBox())!;
  expect(v.y + v.height).toBeLessThanOrEqual(800);
  await village.tap();
  await page.waitForURL(/\/units\/v-[\w-]+\/$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  return page;
}

/** A search as typed into the search page's box; resolves when the results are painted. */
async function search(page: import('playwright-core').Page, words: string) {
  await page.goto(visitors.url('/search/'));
  await page.locator('input[type="search"]').first().fill(words);
  await page.locator('input[type="search"]').first().press('Enter');
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 20_000 }).toMatch(/找到|没有找到/);
  return page.locator('ol.results li > a').allTextContents();
}

/** The pull-request summary exactly as the workflow runs it (.github/workflows/pull-request.yml). */
function prSummary(day: string): { code: number | null; text: string } {
  const out = join(county.scratch, 'summary.md');
  const r = county.cli(['diff', 'main', '--head', 'HEAD', '--format', 'markdown', '--previews', join(county.scratch, 'previews'), '--out', out], {
    today: day,
  });
  const text = r.code === 2 ? r.stderr : readFileSync(out, 'utf8');
  if (process.env.JOURNEY_SHOW) console.log(text);
  return { code: r.code, text };
}

describe('a county’s first month', { timeout: 240_000 }, () => {
  it('launch day: init, import the office’s spreadsheets, pass the go-live check', async () => {
    const init = county.cli(['init', '--dir', county.root, ...INIT], { today: LAUNCH, content: false });
    expect(init.stdout).toContain('已为清河县新建');
    expect(init.code).toBe(0);
    await writeXlsx(join(county.root, '单位表.xlsx'), UNIT_HEADER, UNIT_ROWS);
    writeGbkCsv(join(county.root, '公开栏表.csv'), BOARD_HEADER, BOARD_ROWS);
    expect(county.cli(['import', 'units', join(county.root, '单位表.xlsx')], { today: LAUNCH }).code).toBe(0);
    expect(county.cli(['import', 'boards', join(county.root, '公开栏表.csv')], { today: LAUNCH }).code).toBe(0);
    const site = join(county.content, 'site.yaml');
    county.write('content/site.yaml', readFileSync(site, 'utf8').replace('production: false', 'production: true'));
    const goLive = county.cli(['check', '--go-live'], { today: LAUNCH });
    expect(goLive.stdout).toContain('上线检查通过');
    expect(goLive.code).toBe(0);
    county.commitAll('County content from init and the office spreadsheets', LAUNCH);
  });

  it('launch day: the first build shows no unit failing, and offers no empty board or card to print', () => {
    county.build(LAUNCH);
    const supervision = visibleText(county.page('supervision/index.html'));
    expect.soft(supervision).not.toMatch(/从未公开[1-9]\d*项/);
    expect.soft(supervision).toContain('开通');
    const unit = visibleText(county.page(`units/${VILLAGE}/index.html`));
    expect.soft(unit).not.toMatch(/逾期或未公开\d+项/);
    const print = visibleText(county.page('print/index.html'));
    expect.soft(print).toContain('目前没有要印刷的公开栏和明白卡');
    expect.soft(print).toContain('暂无内容，不印');
    const manifest = JSON.parse(county.page('print/manifest.json')) as { boards: unknown[]; empty: { boards: string[] } };
    expect.soft(manifest.boards).toEqual([]);
    expect.soft(manifest.empty.boards).toHaveLength(15);
    expect.soft(existsSync(join(county.out, `print/boards/b-${VILLAGE}.pdf`))).toBe(false);
  });

  it('launch day: a villager reaches the village in two taps and finds how to ask (点题), nothing broken', async () => {
    const page = await villagerWalksToVillage(LAUNCH, '城关镇', '东门社区');
    expect(await page.locator('h1').textContent()).toBe('东门社区');
    const text = await seen(page);
    expect(text).toContain('公开栏上暂时没有内容');
    expect(text).toContain('我要点题');
    expect(text).toContain('0312-8345611');
    await page.context().close();
  });

  it('a town clerk starts a 公示 with `new`, fills in what it asks for, and check passes', () => {
    county.branch('chengguan-recruit');
    const answers = [
      '城关镇',
      '党员发展公示',
      '城关镇党委关于发展对象的公示',
      '赵某某（组织委员）',
      '钱某某（党委书记）',
      '拟确定2名发展对象，公示至12月9日',
    ].join('\n');
    const made = county.cli(['new'], { today: DAY.clerks, input: `${answers}\n`, env: { GONGKAI_FORCE_PROMPT: '1' } });
    expect(made.code).toBe(0);
    const rel = `content/entries/${TOWN}/2026/2026-12-02-recruitment-publicity.md`;
    expect(made.stdout).toContain('2026-12-02-recruitment-publicity.md');
    // What the clerk sees first: the placeholders left to fill in.
    const first = county.cli(['check'], { today: DAY.clerks });
    expect(first.stdout).toContain('placeholder');
    // The clerk fills the body's table and moves the notice to start tomorrow, as the party committee decided.
    const text = county
      .read(rel)
      .replace('start: 2026-12-02', 'start: 2026-12-03')
      .replace(/（待填写）在这里写正文。[^\n]*\n/, '经党委会研究，拟确定以下2名同志为发展对象，现予公示。\n')
      .replace(
        '| （待填写） | | | | | |',
        '| 孙某某 | 男 | 1995年3月 | 大学 | 城关镇农业服务中心 | 2024年5月 |\n| 李某某 | 女 | 1998年7月 | 大专 | 城关镇东门社区 | 2024年9月 |',
      );
    county.write(rel, text);
    const check = county.cli(['check'], { today: DAY.clerks });
    expect(check.stdout).toContain('没有错误');
    expect(check.code).toBe(0);
    county.commitAll('城关镇：发展对象公示', DAY.clerks);
  });

  it('the town’s pull-request summary says when the notice goes on the board and what to reprint', () => {
    const s = prSummary(DAY.clerks);
    expect.soft(s.code).toBe(0);
    expect.soft(s.text).toContain('城关镇党委关于发展对象的公示');
    expect.soft(s.text).toContain('✅');
    // Nothing on the board today (the 公示 starts tomorrow): the reviewer is told the day the board and card must be printed.
    expect.soft(s.text).toContain('- 不需要重新印刷任何公开栏和明白卡。');
    expect.soft(s.text).toMatch(/#### 2026年12月3日（2026-12-03）起\s+- 公开栏 \*\*b-t-chengguan\*\*[^\n]*新增，需要印刷\s+- 此前没有可印的内容，第一次印刷\n/);
    expect.soft(s.text).not.toContain('不合并本次改动');
    county.merge('chengguan-recruit', DAY.clerks);
  });

  it('a county-unit clerk writes a 三重一大 entry by hand and fixes what check names, line by line', () => {
    county.branch('zuzhibu-sanzhong');
    const rel = `content/entries/${COUNTY_UNIT}/2026/sanzhong-2026-12.md`;
    // As typed in Notepad from a Word draft: a Chinese date, no approver, a 3-person vote over 2 present, a mobile number.
    county.write(
      rel,
      [
        '---',
        'title: 县委组织部关于党员教育培训经费使用的集体决策',
        'item: sanzhong-yida',
        'date: 2026年12月2日',
        'reviewed_by: 孙某某（副部长）',
        'summary: 部务会研究决定2027年党员教育培训经费安排',
        'meeting:',
        '  name: 部务会议',
        '  date: 2026-11-30',
        '  expected: 7',
        '  present: 8',
        '  vote: 全票同意',
        '---',
        '部务会议研究决定，2027年党员教育培训经费按年度预算执行。联系人：周某某，电话13931201234。',
        '',
      ].join('\n'),
    );
    const first = county.cli(['check'], { today: DAY.clerks });
    expect(first.code).toBe(1);
    // Every mistake in one run, each at its line, with a fix in Chinese on the next line.
    expect(first.stdout).toMatch(/sanzhong-2026-12\.md:4:\d+: 错误\[invalid-field\] “发布日期”（date）：.*是不是想写 2026-12-02？/);
    expect(first.stdout).toMatch(/sanzhong-2026-12\.md:11:\d+: 错误\[invalid-field\] “实到人数”（meeting\.present）：实到人数不能多于应到人数/);
    expect(first.stdout).toMatch(/sanzhong-2026-12\.md:\d+:\d+: 错误\[missing-approval\] 社会公开的条目必须写明审批人/);
    expect(first.stdout).toMatch(/sanzhong-2026-12\.md:14:\d+: 错误\[personal-mobile\]/);
    expect(first.stdout).toContain('发现 4 个错误');
    expect(first.stdout).toContain('提示：');
    expect(first.stdout).not.toMatch(/\bat \S+:\d+/);
    county.write(
      rel,
      county
        .read(rel)
        .replace('date: 2026年12月2日', 'date: 2026-12-02')
        .replace('reviewed_by: 孙某某（副部长）', 'reviewed_by: 孙某某（副部长）\napproved_by: 吴某某（部长）')
        .replace('present: 8', 'present: 6')
        .replace('联系人：周某某，电话13931201234。', '监督电话0312-8123456。'),
    );
    const fixed = county.cli(['check'], { today: DAY.clerks });
    expect(fixed.stdout).toContain('没有错误');
    expect(fixed.code).toBe(0);
    county.commitAll('组织部：三重一大集体决策', DAY.clerks);
    const s = prSummary(DAY.clerks);
    expect.soft(s.code).toBe(0);
    expect.soft(s.text).toContain('县委组织部关于党员教育培训经费使用的集体决策');
    expect.soft(s.text).toContain(`b-${COUNTY_UNIT}`);
    county.merge('zuzhibu-sanzhong', DAY.clerks);
  });

  it('a village clerk without git writes the dues entry in the web editor; what it saves passes check', async () => {
    // The editor as the county's own site serves it (practice mode: no forge here), on an office computer that reaches only the site.
    const { page, outside } = await offlinePage(visitors.browser, visitors.server.url);
    await page.clock.setFixedTime(new Date(`${DAY.clerks}T09:00:00+08:00`));
    await openPractice(page, visitors.server.url, VILLAGE);
    await fillEntry(page, {
      item: 'dues-collection',
      title: '东门社区党支部2026年下半年党费收缴情况',
      date: DAY.clerks,
      period: '2026-H2',
      reviewed_by: '郑某某（支部副书记）',
      approved_by: '冯某某（支部书记）',
      summary: '下半年收缴党费2860元',
      body: '本期党费收缴情况如下。\n| 月份 | 党员人数 | 实交（元） |\n| 7月 | 22 | 480.00 |\n| 8月 | 22 | 476.00 |\n以上情况接受党员和群众监督。',
      images: [
        {
          name: 'IMG 2031.jpg',
          bytes: readFileSync(join(import.meta.dirname, '../fixtures/mini/entries/v-demo-a/2026/road-site.jpg')),
          alt: '党费收缴公示现场',
        },
      ],
    });
    const saved = await saveEntry(page);
    expect(saved).toEqual({ saved: true, errors: {} });
    const files = await editorFiles(page);
    expect(outside).toEqual([]);
    await page.context().close();
    // The webmaster's forge would open the pull request with these files; here they are committed on the clerk's branch.
    county.branch('dongmen-dues');
    const written = writeFiles(files, county.content);
    expect(written.some((f) => f.startsWith(`entries/${VILLAGE}/2026/`) && f.endsWith('.md'))).toBe(true);
    expect(written.some((f) => /\.jpg$/.test(f) && !f.includes(' '))).toBe(true);
    const check = county.cli(['check'], { today: DAY.clerks });
    expect(check.stdout).toContain('没有错误');
    expect(check.stdout).not.toContain('警告[empty-field]');
    expect(check.code).toBe(0);
    county.commitAll('新增条目 东门社区党费收缴情况', DAY.clerks);
    const s = prSummary(DAY.clerks);
    expect.soft(s.code).toBe(0);
    expect.soft(s.text).toContain('东门社区党支部2026年下半年党费收缴情况');
    expect.soft(s.text).toMatch(new RegExp(`公开栏 \\*\\*b-${VILLAGE}\\*\\*[^\\n]*新增，需要印刷`));
    county.merge('dongmen-dues', DAY.clerks);
  });

  it('a villager’s 点题 is recorded by the village clerk', () => {
    county.branch('dongmen-request');
    county.write(
      `content/requests/${VILLAGE}/2026/road-lights.md`,
      '---\ntopic: 社区道路路灯维修经费从哪里出\nreceived: 2026-12-02\nchannel: 意见箱\n---\n想知道东门社区道路路灯维修的经费来源和使用情况。\n',
    );
    expect(county.cli(['check'], { today: DAY.clerks }).code).toBe(0);
    county.commitAll('东门社区：记录点题', DAY.clerks);
    county.merge('dongmen-request', DAY.clerks);
  });

  it('the nightly build: the entries are on the site; the notice waits for its first day to go on the board', async () => {
    county.build(DAY.clerks);
    const town = visibleText(county.page(`units/${TOWN}/index.html`));
    expect(town).toContain('历年公开内容（1条）');
    expect(town).toContain('城关镇党委关于发展对象的公示');
    // Nothing on the town's board yet: no print file, and /print/ says so.
    expect(existsSync(join(county.out, `print/boards/b-${TOWN}.pdf`))).toBe(false);
    const countyBoard = flat(await pdfPageText(join(county.out, `print/boards/b-${COUNTY_UNIT}.pdf`)));
    expect(countyBoard).toContain('党员教育培训经费');
    const village = visibleText(county.page(`units/${VILLAGE}/index.html`));
    expect(village).toContain('东门社区党支部2026年下半年党费收缴情况');
    expect(village).toContain('社区道路路灯维修经费从哪里出');
    // The editor's entry as the public reads it: a real table and the photo, no Markdown showing.
    const slug = readdirSync(join(county.content, `entries/${VILLAGE}/2026`))
      .find((f) => f.endsWith('.md'))!
      .replace(/\.md$/, '');
    const entryPage = county.page(`units/${VILLAGE}/${slug}/index.html`);
    expect(entryPage).toMatch(/<table[\s\S]*<th[^>]*>月份<\/th>/);
    expect(entryPage).toMatch(/<img [^>]*alt="党费收缴公示现场"/);
    expect(visibleText(entryPage)).not.toMatch(/\|\s*7月|!\[/);
    const villageBoard = flat(await pdfPageText(join(county.out, `print/boards/b-${VILLAGE}.pdf`)));
    expect(villageBoard).toContain('东门社区党支部2026年下半年党费收缴情况');
    expect(village).toContain('办理中');
  });

  it('the town hall’s kiosk is set up for its town and keeps it for when the network drops', async () => {
    const kiosk = await visitors.kiosk(DAY.clerks);
    await kiosk.goto(visitors.url(`/kiosk/?town=${TOWN}`));
    const version = JSON.parse(county.page(`kiosk/offline/${TOWN}.json`)) as { version: string };
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 30_000 }).toBe(version.version);
  });

  it('two days on, the notice is running with its days left, on the page and the board', async () => {
    county.build(DAY.noticeRuns);
    const town = visibleText(county.page(`units/${TOWN}/index.html`));
    expect(town).toContain('公示中，还剩4个工作日');
    const board = flat(await pdfPageText(join(county.out, `print/boards/b-${TOWN}.pdf`)));
    expect(board).toContain('城关镇党委关于发展对象的公示');
    expect(board).toContain('公示期：2026年12月3日至12月9日');
  });

  it('the kiosk takes the new build while online, then shows and finds the running notice offline', async () => {
    const kiosk = await visitors.kiosk(DAY.noticeRuns);
    const version = JSON.parse(county.page(`kiosk/offline/${TOWN}.json`)) as { version: string };
    await kiosk.goto(visitors.url(`/kiosk/`));
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dataset.offlineReady), { timeout: 30_000 }).toBe(version.version);
    await visitors.kioskOffline(true);
    try {
      await kiosk.goto(visitors.url(`/units/${TOWN}/`));
      expect(await seen(kiosk)).toContain('公示中，还剩4个工作日');
      expect(await search(kiosk, '发展对象')).toContain('城关镇党委关于发展对象的公示');
      // The words villagers use, and the whole county's search (a county unit's entry, its page not kept here).
      expect(await search(kiosk, '入党')).toContain('城关镇党委关于发展对象的公示');
      expect(await search(kiosk, '经费')).toContain('县委组织部关于党员教育培训经费使用的集体决策');
      expect(await kiosk.locator('ol.results li:has(.unkept) > a').allTextContents()).toContain('县委组织部关于党员教育培训经费使用的集体决策');
    } finally {
      await visitors.kioskOffline(false);
    }
  });

  it('a villager searches on a phone for the notice by the words people use, and it comes first', async () => {
    const page = await visitors.phone(DAY.noticeRuns);
    const titles = await search(page, '发展对象 公示');
    expect(titles[0]).toBe('城关镇党委关于发展对象的公示');
    const first = (await page.locator('ol.results li > a').first().boundingBox())!;
    expect(first.y + first.height).toBeLessThanOrEqual(800);
    await page.context().close();
  });

  it('a villager searches for the village’s dues in everyday words, and finds the village’s page above them', async () => {
    const page = await visitors.phone(DAY.noticeRuns);
    const titles = await search(page, '东门社区 财务');
    expect(await page.locator('.unit-hits a').allTextContents()).toEqual(['东门社区']);
    expect(titles[0]).toBe('东门社区党支部2026年下半年党费收缴情况');
    const first = (await page.locator('ol.results li > a').first().boundingBox())!;
    expect(first.y + first.height).toBeLessThanOrEqual(800);
    await page.context().close();
  });

  it('the 点题 falls overdue the day after its deadline, and supervision names it', async () => {
    county.build(DAY.requestOverdue);
    const village = visibleText(county.page(`units/${VILLAGE}/index.html`));
    expect(village).toContain('已超期未答复');
    const supervision = visibleText(county.page('supervision/index.html'));
    expect(supervision).toContain('社区道路路灯维修经费从哪里出');
    expect(supervision).toContain('已超期未答复（超期1个工作日）');
    // The villager who asked sees it too, in the village's 点题台账.
    const page = await villagerWalksToVillage(DAY.requestOverdue, '城关镇', '东门社区');
    expect(await seen(page)).toContain('已超期未答复');
    await page.context().close();
  });

  it('no build for three days: pages read on the 11th still count the days themselves', async () => {
    // Built on the 8th; the clerk's reply (10th) is not published yet. A live site's page says what a build on the day would.
    const town = await visitors.phone(DAY.noticeEnded);
    await town.goto(visitors.url(`/units/${TOWN}/`));
    const seenTown = await seen(town);
    expect(seenTown).toContain('公示已结束');
    expect(seenTown).not.toContain('日期停在');
    const village = await visitors.phone(DAY.noticeEnded);
    await village.goto(visitors.url(`/units/${VILLAGE}/`));
    expect(await seen(village)).toContain('已超期未答复（超期4个工作日）');
    await town.context().close();
    await village.context().close();
  });

  it('the clerk answers late; the notice ends and stays on the board its grace days', async () => {
    county.branch('dongmen-reply');
    const rel = `content/requests/${VILLAGE}/2026/road-lights.md`;
    county.write(
      rel,
      county.read(rel).replace('channel: 意见箱\n', 'channel: 意见箱\nreplied: 2026-12-10\nreply: 路灯维修经费由社区集体经济收入列支，12月已完成维修。\n'),
    );
    expect(county.cli(['check'], { today: '2026-12-10' }).code).toBe(0);
    county.commitAll('东门社区：答复点题', '2026-12-10');
    county.merge('dongmen-reply', '2026-12-10');
    county.build(DAY.noticeEnded);
    const town = visibleText(county.page(`units/${TOWN}/index.html`));
    expect(town).toContain('公示已结束');
    const board = flat(await pdfPageText(join(county.out, `print/boards/b-${TOWN}.pdf`)));
    expect(board).toContain('城关镇党委关于发展对象的公示');
    const supervision = visibleText(county.page('supervision/index.html'));
    expect(supervision).toContain('超期答复');
  });

  it('after its grace days the notice leaves the board, and the month ends with every build green', async () => {
    county.build(DAY.noticeGone);
    // The notice was the town board's only content: the board has nothing to print now.
    expect(existsSync(join(county.out, `print/boards/b-${TOWN}.pdf`))).toBe(false);
    expect(visibleText(county.page('print/index.html'))).toMatch(/城关镇镇政府大院宣传长廊3000×1500暂无内容，不印/);
    // Past the first deadline after the launch (15 December), units that published no long-term item now show as missing it.
    expect(visibleText(county.page('supervision/index.html'))).toMatch(/从未公开[1-9]\d*项/);
    const r = county.build(DAY.monthEnd);
    expect(r.stdout).toContain('已生成');
    // Nothing internal was published along the way: no commit author or e-mail on any page.
    const pages = readdirSync(county.out, { recursive: true }).filter((f) => String(f).endsWith('.html'));
    for (const p of pages) expect(county.page(String(p))).not.toContain('webmaster@qinghe.example.cn');
  });
});
