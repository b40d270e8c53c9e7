/**
 * The holiday table lags and the site keeps publishing. The mini county, with a 公示 and 点题
 * that cross into the first year the bundled calendar does not know (Y: 2027 as of late 2026),
 * is built as a live site on 30 December Y-1 and on 6 January Y: nothing stops; every date
 * counted across Y says 暂按周末计算 — on the pages (with a note saying what it means), on the
 * board and the card, in the request downloads, the compliance report — and every build tells
 * the webmaster how to bring the year in. Once a county file brings it in, the marks are gone.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { collectingLog } from '../../src/pipeline/log.ts';
import { runBuild } from '../../src/pipeline/run-build.ts';
import { cli, copyMini, ENTRY, flat, put, ROOT, TEMPLATES, tempDirs } from '../helpers.ts';
import { pdfPageText } from '../pdf-helpers.ts';

// The first year without its arrangement in the installed chinese-days: the test follows the package.
const Y = buildCalendar([]).lastKnownYear + 1;
const DEC30 = `${Y - 1}-12-30`;
const JAN6 = `${Y}-01-06`;
const MARK = '暂按周末计算';
const temp = tempDirs('gongkai-provisional-');
let content: string;
const outs: string[] = [];
afterAll(() => [...outs, `${content}-cache`].forEach((d) => rmSync(d, { recursive: true, force: true })));

async function build(day: string): Promise<{ out: string; log: string[] }> {
  mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
  const out = join(mkdtempSync(join(ROOT, '.cache/test-builds/prov-')), 'dist');
  outs.push(join(out, '..'));
  const log = collectingLog();
  await runBuild(
    { content, templates: TEMPLATES, out, cacheRoot: `${content}-cache`, astroCacheRoot: `${content}-cache`, clock: () => new Date(`${day}T12:00:00+08:00`) },
    log,
  );
  return { out, log: log.lines };
}
const text = (out: string, rel: string) =>
  readFileSync(join(out, rel), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

let december: Awaited<ReturnType<typeof build>>;
let january: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  content = copyMini(temp());
  // The card must carry the notice to show its guessed end: a card's life of one day lets a five-day notice on it.
  put(content, 'site.yaml', readFileSync(join(content, 'site.yaml'), 'utf8').replace('defaults:', 'defaults:\n  card_life_days: 1'));
  // Five working days from 28 December end in January whatever the weekdays; so does a reply due three working days after 30 December.
  put(
    content,
    `entries/v-demo-a/${Y - 1}/recruit-notice.md`,
    ENTRY(
      `title: 甲村党支部拟接收预备党员公示\nitem: recruitment-publicity\ndate: ${Y - 1}-12-28\nnotice: { start: ${Y - 1}-12-28, days: 5 }\nreviewed_by: 王某某\napproved_by: 李某某\nsummary: 拟接收预备党员1名`,
      '拟接收张某某为预备党员。',
    ),
  );
  put(content, `requests/v-demo-a/${Y - 1}/new-year.md`, `---\ntopic: 元旦前的点题\nreceived: ${DEC30}\nchannel: 电话\n---\n问题。\n`);
  // Due early in December; unanswered on 6 January, its days overdue run into Y.
  put(content, `requests/v-demo-a/${Y - 1}/old-open.md`, `---\ntopic: 一直没有答复的点题\nreceived: ${Y - 1}-12-01\nchannel: 意见箱\n---\n问题。\n`);
  december = await build(DEC30);
  january = await build(JAN6);
}, 240_000);

describe(`a year without its holiday arrangement (${Y})`, { timeout: 120_000 }, () => {
  it('never stops the build; every build says how many deadlines are guesses and how to bring the year in', () => {
    for (const { log } of [december, january]) {
      const line = log.find((l) => l.startsWith(`注意：${Y}年的节假日安排还没有录入。`));
      expect(line).toBeDefined();
      expect(line).toContain('npm update chinese-days');
      expect(line).toContain(`content/calendar/${Y}.yaml`);
    }
    expect(december.log.join('\n')).toContain(`现在有 1 项公示、1 件点题的期限跨进${Y}年`);
    // By 6 January the 公示 has ended; both requests' dates are still guesses.
    expect(january.log.join('\n')).toContain(`现在有 2 件点题的期限跨进${Y}年`);
  });

  it('marks the 公示 period on its page and the unit’s, the reply deadlines and days overdue in the logs, and says what the mark means', () => {
    const entry = text(december.out, 'units/v-demo-a/recruit-notice/index.html');
    expect(entry).toMatch(new RegExp(`公示期：${Y - 1}年12月28日至${Y}年1月\\d+日（5个工作日，${MARK}）`));
    expect(entry).toContain(`标“${MARK}”的日期：${Y}年的节假日安排还没有录入本站`);
    const log = text(january.out, 'requests/v-demo-a/index.html');
    expect(log).toMatch(new RegExp(`答复期限${Y}年1月\\d+日（${MARK}）`));
    expect(log).toMatch(new RegExp(`答复期限${Y - 1}年12月\\d+日 · 已超期未答复（超期\\d+个工作日，${MARK}）`));
    expect(text(january.out, 'supervision/index.html')).toContain(`个工作日，${MARK}）`);
    // A page with no guessed date says nothing about it.
    expect(text(january.out, 'units/v-demo-a/dues-2026-h1/index.html')).not.toContain(MARK);
  });

  it('prints the guess as a guess on the board and the household card', async () => {
    const board = flat(await pdfPageText(join(december.out, 'print/boards/b-v-demo-a.pdf')));
    expect(board).toContain(`（5个工作日，${MARK}）`);
    const cards = JSON.parse(readFileSync(join(december.out, 'print/manifest.json'), 'utf8')) as { cards: { unit: string; pdf: string }[] };
    const card = flat(await pdfPageText(join(december.out, cards.cards.find((c) => c.unit === 'v-demo-a')!.pdf), 1));
    expect(card).toMatch(new RegExp(`拟接收预备党员1名（公示至1月\\d+日，${MARK}）`));
  });

  it('says so in the downloads and the compliance report', () => {
    const json = JSON.parse(readFileSync(join(january.out, 'data/requests.json'), 'utf8')) as { requests: { id: string; provisional: boolean }[] };
    expect(Object.fromEntries(json.requests.map((r) => [r.id, r.provisional]))).toMatchObject({ 'v-demo-a/new-year': true, 'v-demo-a/old-open': true });
    expect(readFileSync(join(january.out, 'data/requests.csv'), 'utf8')).toMatch(new RegExp(`v-demo-a/new-year,[^\\n]*,${MARK}\\r\\n`));
    const report = cli(['report', '--content', content, '--today', JAN6], ROOT);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`标“${MARK}”的日期：${Y}年的节假日安排还没有录入本站`);
    expect(report.stdout).toMatch(new RegExp(`已超期 \\d+ 个工作日（${MARK}）`));
  });

  it('the go-live check warns, never stops: next year from October, this year from 1 January', () => {
    const oct = cli(['check', '--content', content, '--go-live'], ROOT, undefined, { GONGKAI_TODAY: `${Y - 1}-10-01` });
    expect(oct.stdout).toMatch(new RegExp(`警告\\[calendar-next-year\\] ${Y}年节假日安排还没有录入`));
    const jan = cli(['check', '--content', content, '--go-live'], ROOT, undefined, { GONGKAI_TODAY: JAN6 });
    expect(jan.stdout).toMatch(new RegExp(`警告\\[calendar-provisional\\] ${Y}年节假日安排还没有录入`));
    expect(jan.stdout).not.toContain('错误[calendar-gap]');
  });

  it('a date further ahead than a guess can reach is still an error at its line (a typo, most likely)', () => {
    put(content, `requests/v-demo-a/${Y + 3}/typo.md`, `---\ntopic: 年份写错的点题\nreceived: ${Y + 3}-01-05\nchannel: 电话\n---\n问题。\n`);
    const r = cli(['check', '--content', content], ROOT, undefined, { GONGKAI_TODAY: JAN6 });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`requests/v-demo-a/${Y + 3}/typo\\.md:3:\\d+: 错误\\[calendar-gap\\] ${Y + 3}年节假日安排尚未录入`));
    rmSync(join(content, `requests/v-demo-a/${Y + 3}`), { recursive: true });
  });

  it('once the county brings the year in, the official dates replace the guesses everywhere', async () => {
    put(content, `calendar/${Y}.yaml`, `year: ${Y}\nsource: 测试用的假设安排\nholidays:\n  - { from: ${Y}-01-01, to: ${Y}-01-03 }\nworkdays: []\n`);
    const after = await build(JAN6);
    expect(after.log.join('\n')).not.toContain('节假日安排还没有录入');
    for (const rel of [
      'units/v-demo-a/recruit-notice/index.html',
      'requests/v-demo-a/index.html',
      'supervision/index.html',
      'data/requests.json',
      'data/requests.csv',
    ])
      expect(readFileSync(join(after.out, rel), 'utf8'), rel).not.toContain(MARK);
    expect(flat(await pdfPageText(join(after.out, 'print/boards/b-v-demo-a.pdf')))).not.toContain(MARK);
  });
});
